a = [for s in var.l[*].b : s]
b = length(var.l[*])
c = "${join(",", var.l[*].id)}"
