a = "hello   ${~ var.x}"
