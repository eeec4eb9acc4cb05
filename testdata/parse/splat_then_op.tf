a = var.l[*].n == [1]
b = -var.l[*].n
