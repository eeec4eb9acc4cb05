outer {
  inner {
    x = 1
  }
  y = 2
}
