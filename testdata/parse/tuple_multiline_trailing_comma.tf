a = [
  "one",
  "two",
]
