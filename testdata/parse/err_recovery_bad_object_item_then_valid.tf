a = {
  x = 1
  y = 
  z = 3
}
b = 2
