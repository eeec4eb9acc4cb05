a = <<-EOT

   

EOT
