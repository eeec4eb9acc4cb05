name    = "web"
count   = 3
enabled = true
ratio   = 0.5
nothing = null
