a = <<-EOT
  EOT
