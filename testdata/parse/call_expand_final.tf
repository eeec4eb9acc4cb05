a = concat(var.lists...)
b = min(var.nums...)
