a = "%{for i, s in var.l}%{if i > 0}, %{endif}${s}%{endfor}"
