bucket         = "agt-chronos-terraform-state-storage"
key            = "dashboard/prod/terraform.tfstate"
region         = "us-east-1"
dynamodb_table = "agt-chronos-terraform-state-locks"
encrypt        = true
