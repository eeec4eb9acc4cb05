# Turned off for a migration and never turned back on.
protect_database = false
