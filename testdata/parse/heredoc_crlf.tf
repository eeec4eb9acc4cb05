a = <<EOT
line1
line2
EOT
b = 1
