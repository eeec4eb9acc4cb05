a = "${x"
b = "%{if y}z"
c = "fine"
