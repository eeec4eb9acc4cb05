a = {
  list = [
    1,
    2,
  ]
  call = merge(
    {},
    {}
  )
  s = "x"
}
