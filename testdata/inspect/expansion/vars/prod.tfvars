environment    = "production" # fails the validation: "prod" is expected
instance_count = 2
replicas       = "three"      # not a number
queues = {
  jobs   = { visibility_timeout = 60 }
  events = { fifo = true }
}
ingress_rules = [
  { port = 22, cidrs = ["198.51.100.0/24"] },
  { port = 443, cidrs = ["0.0.0.0/0", "::/0"] },
]
