a = var.m["a\"b"]
b = var.m["\u00e9"]
