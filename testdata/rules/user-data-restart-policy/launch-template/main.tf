resource "aws_s3_bucket" "config" {
  bucket = "example-config"
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  user_data = base64encode(templatefile("${path.module}/start.sh.tftpl", { # expect: user-data-restart-policy
    name  = "app"
    image = "ghcr.io/example/app:1.4"
  }))
}

resource "aws_launch_template" "good" {
  name_prefix = "good-"
  user_data = base64encode(<<-EOT
    #!/bin/bash
    docker run -d --restart unless-stopped --name app ghcr.io/example/app:1.4
  EOT
  )
}

# The script depends on an apply-time value: undecided, no finding.
resource "aws_launch_template" "unknown" {
  name_prefix = "unknown-"
  user_data   = base64encode("#!/bin/bash\naws s3 cp s3://${aws_s3_bucket.config.id}/app.env . && docker run -d --env-file app.env nginx\n")
}

resource "aws_launch_configuration" "legacy" {
  image_id         = "ami-0123456789abcdef0"
  instance_type    = "t3.small"
  user_data_base64 = base64encode("#!/bin/bash\ndocker run -d nginx:1.27\n") # expect: user-data-restart-policy
}

resource "aws_instance" "base64_in_user_data" {
  ami       = "ami-0123456789abcdef0"
  user_data = base64encode("#!/bin/bash\ndocker run -d --restart=unless-stopped nginx:1.27 && podman run --rm busybox true\n") # expect: user-data-restart-policy
}
