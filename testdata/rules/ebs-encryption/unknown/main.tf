# Known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "encrypt_volumes" {
  name = "/platform/encrypt-volumes"
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = data.aws_ssm_parameter.encrypt_volumes.value
}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = data.aws_ssm_parameter.encrypt_volumes.value
  }
}
