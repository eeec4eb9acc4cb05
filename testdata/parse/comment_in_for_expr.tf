a = [for x in var.l : /* each */ x # keep
  if x != null]
