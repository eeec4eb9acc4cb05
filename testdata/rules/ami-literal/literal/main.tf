variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "amis" {
  type = map(string)
  default = {
    "eu-west-1" = "ami-0a8e758f5e873d1c1"
    "us-east-1" = "ami-0c55b159cbfafe1f0"
  }
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-0c55b159cbfafe1f0" # expect: ami-literal
  instance_type = "t3.micro"
}

# The classic per-region map: still hand-written ids.
resource "aws_instance" "worker" {
  ami           = lookup(var.amis, var.region) # expect: ami-literal
  instance_type = "t3.micro"
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  image_id    = "ami-0a8e758f5e873d1c1" # expect: ami-literal
}

resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = "ami-0a8e758f5e873d1c1" # expect: ami-literal
  instance_type = "t3.micro"
}

# Launched from a template: no ami of its own.
resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.workers.id
  }
}
