a = <<EOT
こんにちは ${var.名前} 😀
EOT
