a = jsonencode(<<EOT
{"k": "v"}
EOT
)
b = trimspace(<<-EOT
    text
  EOT
  )
