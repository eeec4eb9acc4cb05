a = <<EOT
line one
   %{~ if true }yes%{ endif }
   ${~ var.x}
EOT
