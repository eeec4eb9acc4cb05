a = <<EOT
   
	
EOT
