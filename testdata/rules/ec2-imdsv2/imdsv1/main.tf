data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
}

resource "aws_instance" "no_options" { # expect: ec2-imdsv2
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
}

resource "aws_instance" "optional" {
  count         = 2
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect: ec2-imdsv2
  }
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  image_id    = data.aws_ami.al2023.id

  metadata_options { # expect: ec2-imdsv2
    http_put_response_hop_limit = 2
  }
}

variable "metadata" {
  type    = list(object({ http_tokens = string }))
  default = [{ http_tokens = "optional" }]
}

resource "aws_launch_template" "dynamic" {
  name_prefix = "dynamic-"

  dynamic "metadata_options" {
    for_each = var.metadata
    content {
      http_tokens = metadata_options.value.http_tokens # expect: ec2-imdsv2
    }
  }
}

# An instance from a template that writes its own metadata_options: its own count.
resource "aws_instance" "from_template_overridden" {
  launch_template {
    id = aws_launch_template.workers.id
  }

  metadata_options {
    http_tokens = "optional" # expect: ec2-imdsv2
  }
}
