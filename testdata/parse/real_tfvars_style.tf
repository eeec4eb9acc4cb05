region         = "eu-central-1"
environment    = "staging"
instance_count = 3
enable_backups = true
allowed_cidrs  = ["10.0.0.0/8", "192.168.0.0/16"]
tags = {
  Team    = "platform"
  Billing = "cc-1234"
}
services = {
  api = {
    image = "acme/api:1.2.3"
    ports = [8080, 9090]
    env = {
      LOG_LEVEL = "info"
    }
  }
  worker = {
    image = "acme/worker:1.2.3"
    ports = []
    env   = {}
  }
}
