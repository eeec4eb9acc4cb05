databases = {
  orders = { engine = "postgres" }
}
