str   = "s"
num   = 42
bool  = false
nul   = null
tup   = [1, "two", true]
obj   = { k = "v" }
ref   = var.region
call  = upper("x")
cond  = var.on ? 1 : 0
arith = 1 + 2
tmpl  = "hi ${var.name}"
