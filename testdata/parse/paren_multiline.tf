a = (
  x
)
