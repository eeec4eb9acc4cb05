yes = true
no  = false
