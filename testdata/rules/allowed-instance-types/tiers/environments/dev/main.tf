variable "instance_type" {
  type = string
}

variable "worker_type" {
  type = string
}

module "app" {
  source        = "../../modules/app"
  instance_type = var.instance_type
  worker_type   = var.worker_type
}

resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

data "aws_ssm_parameter" "batch_type" {
  name = "/batch/instance-type"
}

# Known only at apply: undecided.
resource "aws_instance" "batch" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = data.aws_ssm_parameter.batch_type.value
}

resource "aws_instance" "gpu" {
  count         = 1
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "g5.2xlarge" # expect: allowed-instance-types
}
