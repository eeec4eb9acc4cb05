a = "1"
b = 1
c = "true"
d = true
