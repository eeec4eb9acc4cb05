a = var.m[true]
b = var.m[null]
c = var.m[false]
