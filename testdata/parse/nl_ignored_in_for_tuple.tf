a = [
  for
  x
  in
  var.l
  :
  x
  if
  x
]
