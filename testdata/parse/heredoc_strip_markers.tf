a = <<EOT
%{ for ip in var.ips ~}
server ${ip}
%{ endfor ~}
EOT
