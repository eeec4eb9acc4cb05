a = 1+2*3
b = x==y
c = x&&y||z
d = x<=y
e = 7%2
