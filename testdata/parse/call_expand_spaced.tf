a = max(var.l ...)
b = max(
  var.l...
)
