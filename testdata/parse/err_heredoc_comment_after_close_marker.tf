a = <<EOT
x
EOT # note
