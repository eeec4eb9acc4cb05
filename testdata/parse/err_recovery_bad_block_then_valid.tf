ok1 {
  a = 1
}
bad "x" = {
  b = 2
}
ok2 {
  c = 3
}
last = true
