# The legacy client library cannot speak TLS.
caches = {
  sessions = {}
  legacy   = { engine = "valkey", tls = false }
}
