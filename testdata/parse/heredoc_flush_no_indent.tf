a = <<-EOT
none
  some
EOT
