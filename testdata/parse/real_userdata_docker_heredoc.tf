resource "aws_instance" "worker" {
  ami           = var.ami_id
  instance_type = "t3.small"

  user_data = <<-EOF
    #!/bin/bash
    set -euo pipefail
    exec > >(tee /var/log/user-data.log | logger -t user-data) 2>&1

    apt-get update -y
    apt-get install -y docker.io awscli
    systemctl enable --now docker

    aws ecr get-login-password --region ${var.region} \
      | docker login --username AWS --password-stdin ${var.registry}

    docker run -d \
      --name app \
      --restart unless-stopped \
      -p ${var.host_port}:8080 \
      -e DB_HOST=${aws_db_instance.main.address} \
      -e APP_ENV=${var.environment} \
      -e "JAVA_OPTS=-Xmx$${MAX_HEAP:-512m}" \
      %{ for k, v in var.extra_env ~}
      -e ${k}=${v} \
      %{ endfor ~}
      -v /var/lib/app:/data \
      ${var.registry}/app:${var.image_tag}

    echo "started at $(date)" >> /var/log/app-start.log
  EOF

  tags = {
    Name = "worker"
  }
}
