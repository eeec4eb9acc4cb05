a = !p || q && r == s + t * -u < v
b = a * b + c > d && e != f || g
