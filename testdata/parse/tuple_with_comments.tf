a = [
  1, # one
  // two
  2,
  /* three */ 3,
]
