a = <<EOT
start

   ${~ var.x ~}   

end
EOT
