a = 1e308 * 10
b = -0.0 / 0
c = 18446744073709551616 % 7
d = parseint("ff", 16) + pow(2, 1024)
e = range(0, 10, 0.5)
f = ceil(log(var.n, 2)) + floor(abs(-1.5)) + signum(-0)
g = tostring(3.000000000000000000001)
