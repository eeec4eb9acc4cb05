a = <<EOT
foo
EOT;
