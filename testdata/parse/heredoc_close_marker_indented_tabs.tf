a = <<EOT
x
		EOT
