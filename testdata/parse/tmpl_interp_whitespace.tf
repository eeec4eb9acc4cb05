a = "${   var.x   }"
b = "${	var.y	}"
