a = "$${var.not_interpolated}"
