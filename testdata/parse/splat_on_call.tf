a = values(var.m)[*].id
b = f(x).*.y
