a = (x).b.c
b = (x)[0]
