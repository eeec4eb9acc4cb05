a = !x == y
b = !x.enabled && y
