a = <<-EOT
  nbsp indented
  two spaces
  EOT
