resource "aws_instance" "checked" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = var.instance_type

  lifecycle {
    prevent_destroy = true

    precondition {
      condition     = data.aws_ami.ubuntu.architecture == "x86_64"
      error_message = "The selected AMI must be for the x86_64 architecture."
    }

    postcondition {
      condition     = self.public_dns != ""
      error_message = "EC2 instance must be in a VPC that has public DNS hostnames enabled."
    }

    replace_triggered_by = [
      aws_launch_template.app.latest_version,
    ]
  }
}

check "health_check" {
  data "http" "homepage" {
    url = "https://${aws_lb.main.dns_name}/health"
  }

  assert {
    condition     = data.http.homepage.status_code == 200
    error_message = "${data.http.homepage.url} returned an unhealthy status code"
  }
}
