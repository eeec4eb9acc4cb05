a = <<EOT
{"a": "b", "c": [1, 2]}
} ] ) "unbalanced
EOT
