a = <<-EOT
    first
    ${~ var.x} second
    third
    EOT
