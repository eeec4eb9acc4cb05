terraform {
  required_version = ">= 1.6"
}

# source was lost in a refactoring: the finding is at the brace of the body.
module "app" { # expect: invalid-config
  instance_type = var.instance_type
}

# Terraform installs modules before it evaluates anything.
module "api" {
  source = "./modules/${var.region}" # expect: invalid-config
}

output "subnets" { # expect: invalid-config
  description = "the subnets"
}

output "azs" {
  value     = var.azs
  sensitiv = true # expect: invalid-config
}
