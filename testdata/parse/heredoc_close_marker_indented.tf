a = <<EOT
  keep indentation
    EOT
