a = "${join(",", var.list)}"
b = "${format("%s-%03d", var.p, count.index)}"
