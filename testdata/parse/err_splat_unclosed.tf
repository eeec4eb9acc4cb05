a = foo[*
