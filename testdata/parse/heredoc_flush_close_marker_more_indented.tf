a = <<-EOT
  shallow
          EOT
