variable "db_password" {
  type      = string
  sensitive = true
}

variable "github_token" {
  type = string
}

variable "image" {
  type = string
}

# The secrets come from terraform.tfvars through the template: the findings
# are at the attribute, with the tfvars lines as related locations.
resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  user_data = templatefile("${path.module}/boot.sh.tftpl", { # expect: user-data-secret
    db_password  = var.db_password
    github_token = var.github_token
    image        = var.image
  })
}

resource "aws_instance" "no_secrets" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  user_data = templatefile("${path.module}/plain.sh.tftpl", {
    image = var.image
  })
}
