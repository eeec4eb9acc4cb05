bucket         = "example-infra-state-eu"
key            = "infra/terraform.tfstate"
region         = "eu-central-1"
dynamodb_table = "example-infra-locks"
encrypt        = true
