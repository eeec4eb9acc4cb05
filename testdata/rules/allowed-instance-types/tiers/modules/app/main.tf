variable "instance_type" {
  type = string
}

variable "worker_type" {
  type = string
}

resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = var.instance_type # expect: allowed-instance-types
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  instance_type = var.worker_type # expect: allowed-instance-types
}

# The Auto Scaling group picks the type: not checked.
resource "aws_launch_template" "spot" {
  name_prefix = "spot-"
}
