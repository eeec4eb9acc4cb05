a = (var.enabled ?
  "yes" :
  "no")
