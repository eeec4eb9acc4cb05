variable "data_disks" {
  type = map(number)
  default = {
    "/dev/sdf" = 100
    "/dev/sdg" = 200
  }
}

# No root_block_device: the root volume comes unencrypted from the AMI.
resource "aws_instance" "defaults" { # expect: ebs-encryption
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

resource "aws_instance" "db" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "m6i.large"

  root_block_device {
    volume_size = 50
    encrypted   = false # expect: ebs-encryption
  }

  dynamic "ebs_block_device" {
    for_each = var.data_disks
    content { # expect: ebs-encryption
      device_name = ebs_block_device.key
      volume_size = ebs_block_device.value
    }
  }

  ebs_block_device {
    device_name = "/dev/sdh"
    snapshot_id = "snap-0123456789abcdef0" # inherits the snapshot's encryption: not judged
  }
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = "false" # expect: ebs-encryption
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"
    no_device   = ""
  }

  block_device_mappings {
    device_name = "/dev/xvdc"
    ebs {
      volume_size = 100
      encrypted   = "true"
    }
  }
}

resource "aws_ebs_volume" "logs" { # expect: ebs-encryption
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_ebs_volume" "restored" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

# The template decides the root volume.
resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.workers.id
  }
}
