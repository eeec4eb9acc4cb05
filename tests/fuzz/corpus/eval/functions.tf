a = upper(var.s)
b = [for i, x in var.l : "${i}:${x}" if x != null]
c = { for k, v in var.m : k => v... }
d = cidrsubnets("10.0.0.0/16", 4, 8, 4)
e = jsondecode("{\"a\": [1, 2, {\"b\": null}]}")
f = yamldecode("a: &x [1, 2]\nb: *x\n")
g = format("%-10s|%5.2f|%q", "x", 3.14159, var.secret)
h = try(tonumber("x"), can(var.m.k), regex("^(a+)b", "aab"))
i = setproduct(["a", "b"], [1, 2])
j = merge(var.m, { k = 1 }, tomap({ z = "q" }))
k = var.l[*]
l = var.n > 10 ? "big" : "small"
m = templatestring("${x}", { x = 1 })
n = replace("hello", "/l+/", "L")
o = sensitive(var.s)
p = base64decode(base64encode(sha256(var.s)))
q = formatdate("YYYY-MM-DD", "2024-01-02T03:04:05Z")
