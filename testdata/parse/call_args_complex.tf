a = merge({a = 1}, {for k, v in var.m : k => v}, [1, 2][0] == 1 ? {} : {b = 2})
