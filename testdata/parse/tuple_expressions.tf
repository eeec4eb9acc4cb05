a = [1 + 2, x ? y : z, f(1), "${s}", -1, !t, [for v in l : v]]
