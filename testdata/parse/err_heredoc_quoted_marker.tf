a = <<"EOT"
foo
EOT
