a = <<EOT
%{ if x }
yes
EOT
