a = substr("héllo wörld", 1, -1)
b = indent(4, "a\nb\n")
c = strrev("🙂x\u0301")
d = split(",", join(",", [for x in range(100) : tostring(x)]))
e = trimsuffix(title(lower("ABC def")), "f")
f = "%{ for x in var.l }${x}%{ endfor }"
g = chomp(<<-EOT
    heredoc ${var.s}
  EOT
)
