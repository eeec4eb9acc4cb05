a = "prefix" == <<EOT
prefix
EOT
b = length(<<EOT
xyz
EOT
) + 1
