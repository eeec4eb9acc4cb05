a = <<EOT
value: ${jsonencode({
  a = 1
  b = [1, 2]
})}
EOT
