a = "${<<EOT
inner
EOT
}"
