a = -x.y
b = -x[0].z
c = -var.list[*].n
