a = "${"inner"}"
b = "x ${upper("y ${lower("Z")}")} w"
