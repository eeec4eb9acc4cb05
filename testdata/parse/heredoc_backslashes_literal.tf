a = <<EOT
C:\path\n "quoted" \t \u0041
EOT
