a = (var.l)[*].b
b = (var.l).*.b
