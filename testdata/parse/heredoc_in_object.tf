a = {
  script = <<EOT
echo hi
EOT
  other = 1
}
