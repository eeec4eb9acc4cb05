a = <<EOT

middle


EOT
