a = <<EOT
EOT is not the end
the EOT
EOTX
 EOT more
EOT
