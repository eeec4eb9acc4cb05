a = a..b
