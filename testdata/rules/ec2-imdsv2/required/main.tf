resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# No metadata service at all: no IMDSv1 either.
resource "aws_instance" "isolated" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

# Launched from the template above, which requires IMDSv2 (and is checked itself).
resource "aws_instance" "from_template" {
  launch_template {
    id      = aws_launch_template.workers.id
    version = "$Latest"
  }
}

# count = 0: does not exist in this environment.
resource "aws_instance" "disabled" {
  count         = 0
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}
