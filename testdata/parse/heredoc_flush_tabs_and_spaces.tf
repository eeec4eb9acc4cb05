a = <<-EOT
	  tab then spaces
  spaces only
  EOT
