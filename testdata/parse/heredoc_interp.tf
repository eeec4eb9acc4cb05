a = <<EOT
Hello, ${var.name}!
You have ${length(var.items)} items.
EOT
