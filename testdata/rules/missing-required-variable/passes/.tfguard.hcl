environment "dev" {
  root      = "."
  var_files = ["config/dev.tfvars"]
  vars      = { owner = "platform-dev" }
}

environment "prod" {
  root      = "."
  var_files = ["config/prod.tfvars"]
  vars      = { owner = "platform" }
}
