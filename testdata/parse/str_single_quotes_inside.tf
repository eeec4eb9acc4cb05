a = "it's 'quoted'"
