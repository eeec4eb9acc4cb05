a = <<EOT
þÿ
EOT
