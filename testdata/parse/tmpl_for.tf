a = "%{for s in var.list}${s},%{endfor}"
