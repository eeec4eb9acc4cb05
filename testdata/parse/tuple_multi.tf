a = [1, "two", true, null, x.y]
