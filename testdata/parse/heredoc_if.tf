a = <<EOT
%{ if var.enabled }
enabled
%{ else }
disabled
%{ endif }
EOT
