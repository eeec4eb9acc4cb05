a = var.my-var.sub-attr
