a = [for x in var.outer : [for y in x.inner : y * 2]]
b = {for k, v in var.m : k => [for i in v : i if i > 0]}
