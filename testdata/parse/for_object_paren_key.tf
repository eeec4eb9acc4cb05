a = {for x in var.l : (x.key) => x}
