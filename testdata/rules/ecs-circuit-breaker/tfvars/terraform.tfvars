services = {
  api    = { image = "api:1.4.0" }
  legacy = { image = "legacy:0.9.1", circuit_breaker = false }
}
