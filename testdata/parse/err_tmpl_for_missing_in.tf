a = "%{for v l}${v}%{endfor}"
