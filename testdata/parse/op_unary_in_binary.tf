a = x - -y
b = x + -1
c = x * -y
d = x == !y
