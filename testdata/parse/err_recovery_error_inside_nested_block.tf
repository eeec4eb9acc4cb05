outer {
  good = 1
  inner {
    bad = 1 +
    fine = 2
  }
  after = 3
}
top = 4
