# The legacy database was created before encryption was the rule.
databases = {
  orders = { engine = "postgres" }
  legacy = { engine = "mysql", encrypted = false }
}
