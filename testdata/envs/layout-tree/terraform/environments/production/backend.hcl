bucket         = "example-web-terraform-state"
key            = "web/production/terraform.tfstate"
region         = "us-east-1"
dynamodb_table = "example-web-terraform-locks"
encrypt        = true
