a = list[*]
b = list.*
