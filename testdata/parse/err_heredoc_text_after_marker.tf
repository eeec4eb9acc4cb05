a = <<EOT extra
foo
EOT
