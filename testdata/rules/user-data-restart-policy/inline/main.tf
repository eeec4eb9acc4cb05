locals {
  no_restart = <<-EOT
    #!/bin/bash
    set -euo pipefail
    apt-get update && apt-get install -y docker.io
    docker run -d --name app -p 8080:8080 ghcr.io/example/app:1.4
  EOT

  unless_stopped = <<-EOT
    #!/bin/bash
    docker pull ghcr.io/example/app:1.4
    docker run -d --restart unless-stopped --name app -p 8080:8080 ghcr.io/example/app:1.4
  EOT

  continued = <<-EOT
    #!/bin/bash
    sudo docker run -d \
      --name app \
      -p 8080:8080 \
      -e COGNITO_POOL=eu-west-1_abc \
      --restart=always \
      ghcr.io/example/app:1.4
  EOT

  container_run = <<-EOT
    #!/bin/bash
    systemctl enable --now docker; sudo -E docker container run --detach --name app nginx:1.27
  EOT

  podman = <<-EOT
    #!/bin/bash
    AWS_REGION=eu-west-1 podman run -d --name app docker.io/library/nginx:1.27
  EOT

  on_failure = <<-EOT
    #!/bin/bash
    docker run -d --restart on-failure:5 --name worker ghcr.io/example/worker:2
  EOT

  restart_after_image = <<-EOT
    #!/bin/bash
    # --restart after the image is an argument of the container, not docker's
    docker run -d --name app ghcr.io/example/app:1.4 --restart always
  EOT

  heredoc_script = <<-EOT
    #!/bin/bash
    cat > /opt/start.sh <<'SCRIPT'
    #!/bin/bash
    docker run -d --name app ghcr.io/example/app:1.4
    SCRIPT
    chmod +x /opt/start.sh && /opt/start.sh
  EOT

  systemd_unit = <<-EOT
    #!/bin/bash
    cat > /etc/systemd/system/app.service <<'UNIT'
    [Service]
    Restart=always
    ExecStart=/usr/bin/docker run --rm --name app ghcr.io/example/app:1.4
    UNIT
    systemctl enable --now app
  EOT

  only_mentions = <<-EOT
    #!/bin/bash
    echo "start it with: docker run -d nginx"
    docker ps
  EOT
}

resource "aws_instance" "no_restart" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.no_restart # expect: user-data-restart-policy
}

resource "aws_instance" "unless_stopped" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.unless_stopped
}

resource "aws_instance" "continued" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.continued
}

resource "aws_instance" "container_run" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.container_run # expect: user-data-restart-policy
}

resource "aws_instance" "podman" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.podman # expect: user-data-restart-policy
}

resource "aws_instance" "on_failure" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.on_failure # expect: user-data-restart-policy
}

resource "aws_instance" "restart_after_image" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.restart_after_image # expect: user-data-restart-policy
}

resource "aws_instance" "heredoc_script" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.heredoc_script # expect: user-data-restart-policy
}

resource "aws_instance" "systemd_unit" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.systemd_unit
}

resource "aws_instance" "only_mentions" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.only_mentions
}

# count = 0: not created, not checked.
resource "aws_instance" "disabled" {
  count     = 0
  ami       = "ami-0123456789abcdef0"
  user_data = local.no_restart
}

# tfguard:ignore user-data-restart-policy the job container is meant to run once
resource "aws_instance" "one_shot" {
  ami       = "ami-0123456789abcdef0"
  user_data = local.no_restart
}
