a = "é̂ and ñ"
b = "é" == x
