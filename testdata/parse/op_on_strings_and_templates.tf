a = "a" == "b"
b = "${x}" != "y"
c = var.env == "prod" ? 1 : 2
