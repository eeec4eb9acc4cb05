policy "log-retention" {
  severity = "warning"
  summary  = "CloudWatch log groups should expire their events"
  tags     = ["cost", "compliance"]

  description = <<-EOT
    ## What fails

    An `aws_cloudwatch_log_group` without `retention_in_days`, or with
    `retention_in_days = 0`: both mean the events never expire. Any other
    value passes (CloudWatch accepts only its fixed list: 1, 3, 5, 7, 14,
    30, ... 3653 days). A value known only at apply leaves the check
    undecided.

    Log groups that services create on their own (a Lambda function's
    `/aws/lambda/NAME` group when it is not declared in Terraform) are not
    in the configuration and cannot be checked; declaring them is the way
    to give them a retention.

    ## Why

    CloudWatch Logs charges for every GB stored, every month, forever:
    verbose application logs at a few GB a day grow into terabytes and a
    bill that rises every month for data nobody reads. Logs also hold
    personal data (IP addresses, user ids, emails in request logs), and
    keeping it without limit conflicts with GDPR's storage limitation and
    most data retention policies. Choose the retention the logs are needed
    for (30 to 90 days for operations, longer for audit logs, archived to
    S3 if they must be kept for years).
  EOT

  bad_example = <<-EOT
    resource "aws_cloudwatch_log_group" "api" {
      name = "/ecs/api"
    }
  EOT

  good_example = <<-EOT
    resource "aws_cloudwatch_log_group" "api" {
      name              = "/ecs/api"
      retention_in_days = 30
    }
  EOT

  resource = "aws_cloudwatch_log_group"

  assert  = self.retention_in_days != null && self.retention_in_days != 0
  at      = "retention_in_days"
  message = "log group ${instance.address} never expires its events (retention_in_days ${self.retention_in_days == null ? "unset" : "= 0"})"
  detail  = "Set retention_in_days to how long the logs are needed, for example 30 or 90; export logs that must be kept for years to S3."
}
