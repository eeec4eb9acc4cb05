# Known only at apply: undecided, never a finding.
data "aws_ssm_parameter" "http_tokens" {
  name = "/platform/imds-http-tokens"
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = data.aws_ssm_parameter.http_tokens.value
  }
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  dynamic "metadata_options" {
    for_each = jsondecode(data.aws_ssm_parameter.http_tokens.value)
    content {
      http_tokens = metadata_options.value
    }
  }
}
