a = <<EOT
outer ${upper(<<INNER
inner text
INNER
)} after
EOT
