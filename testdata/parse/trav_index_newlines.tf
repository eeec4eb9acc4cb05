a = var.list[
  0
]
b = var.m[
  var.k
]
