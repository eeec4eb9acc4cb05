a = <<EOT
line
b = 1
