a = 1e5
b = 2e0
