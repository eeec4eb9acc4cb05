a = <<EOT
%{ for k, v in var.tags }
${k} = ${v}
%{ endfor }
EOT
