a = <<EOT # note
x
EOT
