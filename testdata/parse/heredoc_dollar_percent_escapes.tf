a = <<EOT
literal $${not_interp} and %%{not_directive}
lone $ and % and $$ and %%
EOT
