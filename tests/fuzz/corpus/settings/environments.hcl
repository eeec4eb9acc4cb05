# Environments of infra/ are declared here; bootstrap/ is found on its own.
# var_files, env_file and backend_config are looked up relative to the root
# first, then relative to this file.

environment "prod-eu" {
  root           = "infra"
  var_files      = ["config/eu.tfvars"]
  env_file       = "config/eu.env"
  backend_config = ["backend-eu.hcl"]
}

environment "prod-us" {
  root           = "infra"
  var_files      = ["config/us.tfvars"]
  backend_config = ["backend-us.hcl"]
  tier           = "production"
  workspace      = "us"
}

environment "sandbox" {
  root      = "infra"
  var_files = ["terraform.tfvars", "sandbox.tfvars"]
  tier      = "development"
}

rule "ssh-admin-cidr" {
  admin_cidrs = ["198.51.100.0/24"]
}
