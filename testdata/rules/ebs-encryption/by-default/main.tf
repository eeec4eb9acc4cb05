# EBS encryption by default for the account and region: every new volume is
# encrypted; `enabled` defaults to true.
resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 100
}

# Saying the opposite of what happens is still a finding.
resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false # expect: ebs-encryption
}
