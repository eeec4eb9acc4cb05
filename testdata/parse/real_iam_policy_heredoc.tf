resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::${var.elb_account_id}:root" },
      "Action": "s3:PutObject",
      "Resource": "${aws_s3_bucket.logs.arn}/AWSLogs/*"
    }
  ]
}
POLICY
}
