a = [for in in var.l : in]
b = [for if in var.l : if]
c = {for for, in in var.m : for => in}
