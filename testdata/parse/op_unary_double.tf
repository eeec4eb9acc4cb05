a = - - 1
b = !!x
c = -(-x)
d = !-x
