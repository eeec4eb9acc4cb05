a = "abc"[0]
b = "${x}".y
