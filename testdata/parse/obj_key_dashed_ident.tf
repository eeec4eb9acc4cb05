a = { foo-bar = 1, Name_1 = 2 }
