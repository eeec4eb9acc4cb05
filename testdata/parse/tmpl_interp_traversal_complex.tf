a = "${aws_instance.web[0].private_ip}:${var.ports[*].n}"
