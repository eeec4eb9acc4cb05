bucket         = "example-infra-state-us"
key            = "infra/terraform.tfstate"
region         = "us-east-2"
dynamodb_table = "example-infra-locks"
encrypt        = true
