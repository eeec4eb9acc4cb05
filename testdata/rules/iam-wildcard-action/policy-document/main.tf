data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "BreakGlass"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "break-glass"
  policy = data.aws_iam_policy_document.admin.json # expect: iam-wildcard-action
}

variable "grants" {
  type = map(list(string))
  default = {
    storage = ["s3:*"]
    queue   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
  }
}

# Statements from a variable, handed to a module.
data "aws_iam_policy_document" "app" {
  dynamic "statement" {
    for_each = var.grants
    content {
      sid       = statement.key
      actions   = statement.value
      resources = ["*"]
    }
  }
}

module "app_role" {
  source      = "./modules/role"
  policy_json = data.aws_iam_policy_document.app.json
}

# A bucket policy is a resource policy, not an identity policy: its document
# is not checked by this rule.
data "aws_iam_policy_document" "bucket" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    actions   = ["s3:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "acme-logs"
  policy = data.aws_iam_policy_document.bucket.json
}

# A narrow document: no finding.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
  }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = data.aws_iam_policy_document.trust.json

  inline_policy {
    name   = "read-reports"
    policy = data.aws_iam_policy_document.reader.json
  }
}
