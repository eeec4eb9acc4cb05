# required_tags: the default, Environment and Owner.
resource "aws_instance" "worker" { # expect: required-tags
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}

resource "aws_instance" "api" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
  tags = { # expect: required-tags
    Name = "api"
  }
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
  tags = {
    Environment = "production"
    Owner       = "media-team"
  }
}

# An empty value says nothing.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = { # expect: required-tags
    Environment = "production"
    Owner       = ""
  }
}

# Keys are case-sensitive.
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  tags = { # expect: required-tags
    environment = "production"
    owner       = "jobs-team"
  }
}

# Not a checked type.
resource "aws_iam_role_policy_attachment" "worker" {
  role       = "worker"
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# Tags on the resource, not only in default_tags.
locals {
  common_tags = {
    Environment = "production"
    Owner       = "platform-team"
  }
}

resource "aws_kms_key" "data" {
  description = "data at rest"
  tags        = merge(local.common_tags, { Name = "data" })
}

resource "aws_cloudwatch_log_group" "api" {
  for_each          = toset(["api", "worker"])
  name              = "/ecs/${each.key}"
  retention_in_days = 30
  tags              = each.key == "api" ? local.common_tags : { Name = each.key } # expect: required-tags
}
