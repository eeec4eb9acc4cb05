a = <<-EOT
    ${var.a} first
    second
    EOT
