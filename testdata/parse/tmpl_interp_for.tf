a = "${join(" ", [for s in var.l : upper(s)])}"
