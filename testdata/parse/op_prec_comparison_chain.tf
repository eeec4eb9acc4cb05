a = x < y < z
b = x <= y >= z
c = 1 < 2 == true
