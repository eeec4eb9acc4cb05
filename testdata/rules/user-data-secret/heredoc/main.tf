# Secrets written in the user data itself: each finding is on the line of
# the script that holds the secret (the markers are shell/YAML comments).
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE # expect: user-data-secret
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY # expect: user-data-secret
    DB_PASSWORD='Sup3r-S3cret-Passw0rd' # expect: user-data-secret
    docker login -u deploy -p dckr-Passw0rd-123 registry.example.com # expect: user-data-secret
    TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")
    curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id
    docker run -d --restart unless-stopped -e DB_PASSWORD ghcr.io/example/app:1.4
  EOT
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  user_data = base64encode(<<-EOT
    #cloud-config
    password: Cl0ud-Init-Passw0rd # expect: user-data-secret
    chpasswd: { expire: false }
    write_files:
      - path: /etc/app/config.json
        content: |
          {"region": "eu-west-1", "api_key": "k3y-from-cloud-config"} # expect: user-data-secret
  EOT
  )
}

resource "aws_s3_bucket" "config" {
  bucket = "example-config"
}

# Known only at apply (the bucket name), but the key is written here.
resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  user_data     = <<-EOT
    #!/bin/bash
    aws s3 cp s3://${aws_s3_bucket.config.id}/app.env /etc/app.env
    echo "SLACK=xoxb-123456789012-abcdefghijkl" >> /etc/app.env # expect: user-data-secret
  EOT
}
