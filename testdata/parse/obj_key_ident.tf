a = { name = "n" }
