a = {for k, v in var.m : k => v ? "y" : "n"}
