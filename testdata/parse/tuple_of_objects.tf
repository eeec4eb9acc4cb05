a = [
  { name = "a", port = 1 },
  {
    name = "b"
    port = 2
  },
]
