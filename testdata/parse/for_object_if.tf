a = {for k, v in var.map : upper(k) => v if v != null}
