# Known only at apply: undecided, never a finding.
variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "current" {}

resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
  tags          = var.tags
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
  tags = {
    Environment = "production"
    Owner       = data.aws_caller_identity.current.arn
  }
}
