thing = 1
thing {
  y = 2
}
