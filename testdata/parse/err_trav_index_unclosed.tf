a = foo[0
