# The state is remote; .terraform/terraform.tfstate is the backend's own
# metadata (not walked), and state.tfstate.json is not a state file name.
terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket       = "example-terraform-state"
    key          = "app/production.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
