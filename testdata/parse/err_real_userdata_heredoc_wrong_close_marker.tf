resource "aws_instance" "web" {
  ami       = "ami-123"
  user_data = <<-EOT
    #!/bin/bash
    docker run -d -p 80:80 nginx
  EOF
}
