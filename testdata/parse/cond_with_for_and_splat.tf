a = length(var.l) > 0 ? [for x in var.l : x.id] : var.default[*].id
