a = var.名前.値
b = local.café[0]
