a = << EOT
foo
EOT
