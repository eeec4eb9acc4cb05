a = x  y
