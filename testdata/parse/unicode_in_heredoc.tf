a = <<-EOT
    こんにちは
      😀 ${var.x}
    EOT
