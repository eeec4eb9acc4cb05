a = <<-EOT
      deep
      deep2
EOT
