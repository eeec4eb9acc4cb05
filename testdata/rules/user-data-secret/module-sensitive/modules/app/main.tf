variable "partner_key" {
  type = string
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  user_data     = "#!/bin/bash\necho 'PARTNER=${var.partner_key}' > /etc/app.env\n" # expect: user-data-secret
}
