a = {for u in var.users : u.role => u.name... if u.active}
