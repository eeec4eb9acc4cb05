data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
}

module "web" {
  source = "../../modules/web"
  ami_id = data.aws_ami.al2023.id
}
