# Containers started with a restart policy, in every form: no finding.
resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    docker run -d --restart unless-stopped --name app -p 8080:8080 ghcr.io/example/app:1.4
    docker container run -d --restart=always --name worker ghcr.io/example/worker:1.4
    podman run -d --restart always ghcr.io/example/sidecar:1.0
  EOT
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  user_data = base64encode(<<-EOT
    #!/bin/bash
    docker run -d --restart=unless-stopped ghcr.io/example/app:1.4
  EOT
  )
}
