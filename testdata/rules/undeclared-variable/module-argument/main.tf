terraform {
  required_version = ">= 1.6"
}

module "jobs" {
  source                     = "./modules/queue"
  name                       = "jobs"
  visibility_timeout_seconds = 120
  # The module has no such variable: terraform plan stops here (an error).
  message_retention_seconds = 1209600 # expect: undeclared-variable
}

module "events" {
  source = "./modules/queue"
  name   = "events"
  # Misspelt visibility_timeout_seconds.
  visibility_timeout = 60 # expect: undeclared-variable
}

# Meta-arguments are not module inputs.
module "per_tenant" {
  source     = "./modules/queue"
  for_each   = toset(["acme", "globex"])
  name       = "tenant-${each.key}"
  depends_on = [module.jobs]
}
