a = { upper("k") = 1 }
b = { (x ? "a" : "b") = 2 }
