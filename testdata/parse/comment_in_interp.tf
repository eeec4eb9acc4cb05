a = "${ /* inside */ var.x }"
b = "${var.y # hash in interp
}"
