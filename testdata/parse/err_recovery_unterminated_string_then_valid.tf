a = 1
b = "unterminated
c = 3
d {
  e = 4
}
