protect_database = false
