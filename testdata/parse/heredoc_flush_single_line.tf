a = <<-EOT
        only line
    EOT
