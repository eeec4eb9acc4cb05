a = [
  "one",
  "two",
  "three"
]
