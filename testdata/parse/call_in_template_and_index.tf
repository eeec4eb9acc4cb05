a = "${length(var.l)}"
b = element(var.l, 0)[0]
c = keys(var.m)[*]
