a = "${var.x ~}   world"
