environment "staging" {
  root = "infra"
  vars = {
    environment = "staging"
    replicas    = 2
  }
}

# A vars key the root does not declare: the finding is at its value.
environment "prod" {
  root = "infra"
  vars = {
    environment   = "prod"
    replica_count = 6 # expect: undeclared-variable
  }
}
