a = <<EOT
body
EOT