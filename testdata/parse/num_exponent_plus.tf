a = 1e+5
b = 1E+2
