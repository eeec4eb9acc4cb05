o = {
  i = 1
  f = 1.5
  e = 1e5
  s = "s"
  b = true
  n = null
}
