a = [for x in concat(var.a, var.b) : x]
b = [for x in var.m["k"][*].v : x]
c = [for x in (var.on ? var.a : var.b) : x]
