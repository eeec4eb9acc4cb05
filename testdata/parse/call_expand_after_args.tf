a = format("%s %s", var.args...)
