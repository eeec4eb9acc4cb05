a = { 1 = "one", 2.5 = "two and a half" }
