a = 1
/* final block comment */