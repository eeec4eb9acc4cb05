a {
  x = 1
}
b {
  x = 2
}
x = 3
