c = <<-EOT
  x
  %{~ if true }y%{ endif }
  EOT
