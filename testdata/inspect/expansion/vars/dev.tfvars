environment = "dev"
queues = {
  jobs = {}
}
ingress_rules = [
  { port = 22, cidrs = ["0.0.0.0/0"] },
]
region = "us-east-1" # not declared by the root module
