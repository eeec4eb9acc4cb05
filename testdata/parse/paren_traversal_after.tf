a = (var.obj).name
b = (var.list)[0]
c = (var.m)["k"].v
