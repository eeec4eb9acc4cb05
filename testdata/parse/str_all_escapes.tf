a = "n\n r\r t\t q\" b\\ u\u0041 U\U00000042 d$${x} p%%{y}"
