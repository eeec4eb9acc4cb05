# Secrets fetched at boot, shell expansions, placeholders, values known only
# at apply: nothing to report.
resource "random_password" "db" {
  length = 24
}

resource "aws_instance" "ssm" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    DB_PASSWORD="$(aws ssm get-parameter --name /app/db-password --with-decryption --query Parameter.Value --output text)"
    aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com
    TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
    curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id
    export SECRET_ID=prod/app/db
    export API_KEY=changeme
    export PASSWORD_FILE=/run/secrets/db
    export DB_TOKEN=$${DB_TOKEN:-}
    export REDIS_PASSWORD=""
    docker run -d --restart unless-stopped -e DB_PASSWORD -p 8080:8080 ghcr.io/example/app:1.4
  EOT
}

# Known only at apply: the generated password is not guessed at.
resource "aws_instance" "generated" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\necho 'DB_PASSWORD=${random_password.db.result}' > /etc/app.env\n"
}

resource "aws_launch_template" "plain" {
  name_prefix = "plain-"
  user_data   = base64encode("#!/bin/bash\nexport LOG_LEVEL=info\nexport TOKEN_TTL=3600\n")
}

# Not user data: other rules' business.
resource "aws_ssm_parameter" "note" {
  name  = "/app/note"
  type  = "String"
  value = "no secrets here"
}
