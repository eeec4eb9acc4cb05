a = <<-EOT
    first

    third
    EOT
