resource "aws_iam_policy" "p" {
  policy = <<POLICY
{
  "Version": "2012-10-17"
}
