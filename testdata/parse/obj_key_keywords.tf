a = { null = 1, true = 2, false = 3, for = 4, in = 5, if = 6 }
