a = merge(
  var.a,
  var.b
  ,
  var.c,
)
