# Every key of .tfguard.hcl, each with a valid value (tests/settings/).
exclude  = ["**/examples/**", "legacy/*"]
policies = ["policies/custom", "../shared-policies"]
fail_on  = "note"

environment "production" {
  root           = "terraform/environments/production"
  var_files      = ["production.tfvars", "secrets.auto.tfvars"]
  env_file       = "production.env"
  backend_config = ["backend/production.hcl", "backend/common.hcl"]
  vars = {
    region    = "eu-west-1"
    "az-count" = 3
    tags      = { team = "platform", cost_center = 42 }
    zones     = ["a", "b"]
  }
  tier      = "production"
  workspace = "prod"
}

environment "dev" {
  root           = "terraform/environments/dev"
  backend_config = "backend/dev.hcl"
  tier           = "development"
}

rule "ssh-admin-cidr" {
  enabled     = true
  severity    = "error"
  admin_cidrs = ["198.51.100.0/24"]
  max_rules   = -1
  note        = <<EOT
A heredoc without interpolation is a plain string.
EOT
}

rule "s3-versioning" {
  severity = {
    production  = "error"
    staging     = "warning"
    development = "note"
  }
}

rule "dynamodb-pitr" {
  enabled = false
}
