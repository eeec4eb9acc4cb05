a = [for a, b, c in l : a]
