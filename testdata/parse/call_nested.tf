a = upper(lower(trimspace(join(",", split(" ", var.s)))))
