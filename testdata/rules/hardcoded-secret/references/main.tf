# Nothing here is a literal secret: references, generated values,
# placeholders, names about a secret rather than the secret.
variable "db_password" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type    = string
  default = ""
}

variable "admin_password" {
  type    = string
  default = "changeme"
}

variable "password_length" {
  type    = number
  default = 32
}

resource "random_password" "db" {
  length  = var.password_length
  special = true
}

resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
  password = random_password.db.result
}

resource "aws_db_instance" "replica" {
  engine   = "postgres"
  username = "app"
  password = var.db_password
}

resource "aws_rds_cluster" "aurora" {
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"
  secret_string = jsonencode({ username = "app", password = random_password.db.result })
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"

  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"
      TOKEN_TTL              = "3600"
      API_KEY                = "<set-in-console>"
      CLIENT_SECRET          = "${var.db_password}-suffix"
      PASSWORD_FILE          = "/run/secrets/db"
      SECRET_NAME            = "prod/db"
      STRIPE_KEY             = "sk_test_placeholder"
      PUBLIC_TOKEN           = "pk.public-map-token-1234"
    }
  }
}

resource "aws_iam_user_login_profile" "ops" {
  user                    = "ops"
  password_reset_required = true
  password_length         = 20
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 16
  require_symbols         = true
}

resource "aws_ssm_parameter" "endpoint" {
  name  = "/app/endpoint"
  type  = "String"
  value = "https://api.example.com"
}

resource "aws_ssm_parameter" "token" {
  name  = "/app/token"
  type  = "SecureString"
  value = "REPLACE_ME"
}

locals {
  secret_key = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  access_key = "AKIAXXXXXXXXXXXXXXXX"
  token      = "your-token-here"
  docs_url   = "https://user@example.com/path"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # user data is user-data-secret's: not reported here
  user_data = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
  EOT
}
