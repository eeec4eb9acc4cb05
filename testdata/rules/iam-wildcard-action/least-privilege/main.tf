resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

# Narrow wildcards, a Deny, a NotAction (not covered): no finding.
resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:Get*", "s3:List*"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "s3:*"
        Resource = ["arn:aws:s3:::acme-uploads", "arn:aws:s3:::acme-uploads/*"]
      },
      {
        Effect      = "Allow"
        NotAction   = ["iam:*", "organizations:*"]
        Resource    = "*"
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = {
          Bool = { "aws:MultiFactorAuthPresent" = "false" }
        }
      },
    ]
  })
}

# Known only at apply (the bucket's ARN): undecided, no finding.
resource "aws_iam_role_policy" "uploads" {
  role = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = [aws_s3_bucket.uploads.arn, "${aws_s3_bucket.uploads.arn}/*"]
    }]
  })
}

# count = 0: does not exist in this environment.
resource "aws_iam_policy" "debug" {
  count = 0
  name  = "debug"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
