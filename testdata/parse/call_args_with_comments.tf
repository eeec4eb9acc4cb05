a = f(
  1, # first
  2, // second
  /* third */ 3
)
