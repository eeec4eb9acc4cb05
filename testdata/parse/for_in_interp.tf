a = "${join(",", [for s in var.l : s])}"
