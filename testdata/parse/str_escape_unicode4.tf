a = "caf\u00e9"
b = "\u00E9\u4e2d"
