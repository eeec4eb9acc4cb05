a = "a\rb"
