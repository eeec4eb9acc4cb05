protect_database = true
