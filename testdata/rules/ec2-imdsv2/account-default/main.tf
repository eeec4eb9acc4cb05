# IMDSv2 required account-wide (for this region): instances that do not say
# otherwise get http_tokens = "required".
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  metadata_options {
    http_put_response_hop_limit = 2
  }
}

# An explicit "optional" overrides the account default: still a finding.
resource "aws_instance" "legacy" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "optional" # expect: ec2-imdsv2
  }
}
