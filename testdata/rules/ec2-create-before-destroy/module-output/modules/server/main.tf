resource "aws_instance" "this" { # expect: ec2-create-before-destroy
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

output "instance_id" {
  value = aws_instance.this.id
}
