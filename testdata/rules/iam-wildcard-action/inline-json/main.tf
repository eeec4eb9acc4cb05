resource "aws_iam_policy" "admin" {
  name = "ci-admin"
  policy = jsonencode({ # expect: iam-wildcard-action
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      {
        Sid      = "NoBilling"
        Effect   = "Deny"
        Action   = "aws-portal:*"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "app" {
  role = "app"
  policy = jsonencode({ # expect: iam-wildcard-action
    Version = "2012-10-17"
    Statement = [{
      Action   = ["s3:*", "sqs:SendMessage"]
      Resource = ["*"]
    }]
  })
}

# Heredoc JSON, by way of a local.
locals {
  deployer_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["IAM:*"],
          "Resource": "*"
        }
      ]
    }
  JSON
}

resource "aws_iam_user_policy" "deployer" {
  name   = "deployer"
  user   = "deployer"
  policy = local.deployer_policy # expect: iam-wildcard-action
}

resource "aws_iam_group_policy" "ops" {
  group  = "ops"
  policy = file("${path.module}/ops-policy.json") # expect: iam-wildcard-action
}

resource "aws_iam_role" "lambda" {
  name = "lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })

  inline_policy {
    name = "logs"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "*"
      }]
    })
  }

  inline_policy {
    name = "dynamodb"
    policy = jsonencode({ # expect: iam-wildcard-action
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "dynamodb:*"
        Resource = "*"
      }]
    })
  }
}
