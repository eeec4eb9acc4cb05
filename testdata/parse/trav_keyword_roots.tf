a = for
b = if
c = in
d = endfor
e = for.x
