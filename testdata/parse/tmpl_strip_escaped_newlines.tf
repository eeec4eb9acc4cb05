a = "line\n   ${~ var.x ~}\n\t next"
