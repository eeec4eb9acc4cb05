# Known only at apply: undecided, never a finding.
variable "redrive_policy" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = var.redrive_policy
}
