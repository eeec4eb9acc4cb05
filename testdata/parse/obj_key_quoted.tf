a = { "name" = "n", "with space" = 1, "" = 2, "a.b" = 3 }
