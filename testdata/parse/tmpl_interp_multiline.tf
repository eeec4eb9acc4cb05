a = "${
  var.x
}"
b = "${var.c ?
  "y" :
  "n"}"
