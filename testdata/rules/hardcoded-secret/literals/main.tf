# Literal secrets in configuration. The keys are AWS's documented examples;
# every other value is made up.
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"                     # expect: hardcoded-secret
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # expect: hardcoded-secret
}

resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
  password = "Sup3r-S3cret-Passw0rd" # expect: hardcoded-secret
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"

  environment {
    variables = {
      LOG_LEVEL    = "info"
      GITHUB_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ012345" # expect: hardcoded-secret
      apiKey       = "k3y-for-the-partner-api"                  # expect: hardcoded-secret
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name  = "app"
    image = "ghcr.io/example/app:1.4"
    environment = [
      { name = "DB_HOST", value = "db.internal" },
      { name = "DB_PASSWORD", value = "an0ther-s3cret" }, # expect: hardcoded-secret
    ]
  }])
}

resource "tls_self_signed_cert" "ca" {
  private_key_pem = <<-EOT
    -----BEGIN RSA PRIVATE KEY----- # expect: hardcoded-secret
    MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
    VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
    -----END RSA PRIVATE KEY-----
  EOT
}

resource "aws_ssm_parameter" "api" {
  name  = "/app/partner"
  type  = "SecureString"
  value = "partner-credential-1234" # expect: hardcoded-secret
}

resource "kubernetes_secret" "slack" {
  metadata {
    name = "slack"
  }
  data = {
    webhook = "https://hooks.slack.com/services/T01234567/B01234567/abcdefGHIJKLmnopQRSTuvwx" # expect: hardcoded-secret
  }
}

locals {
  db_url     = "postgres://app:Pa55word-in-url@db.internal:5432/app" # expect: hardcoded-secret
  stripe_key = "sk_live_0123456789abcdefABCDEFGH"                      # expect: hardcoded-secret
}

variable "admin_password" {
  type    = string
  default = "admin-Passw0rd!" # expect: hardcoded-secret
}

variable "signing" {
  type      = string
  sensitive = true
  default   = "not-so-secret-after-all" # expect: hardcoded-secret
}

module "db" {
  source      = "./modules/db"
  db_password = "m0dule-arg-secret" # expect: hardcoded-secret
}
