a = <<-EOT
    name: ${var.name}
      nested: ${var.n}
    EOT
