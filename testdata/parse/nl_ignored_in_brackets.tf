a = [
  1
  ,
  2
]
b = var.l[
  0
]
