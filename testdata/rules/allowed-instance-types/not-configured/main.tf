# No allowed_instance_types in .tfguard.hcl: the rule checks nothing.
resource "aws_instance" "big" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "x2iedn.32xlarge"
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  instance_type = "p5.48xlarge"
}
