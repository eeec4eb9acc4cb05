a = "${var.count + 1} items, ${var.on ? "on" : "off"}"
