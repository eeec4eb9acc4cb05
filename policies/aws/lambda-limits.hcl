policy "lambda-limits" {
  severity = "error"
  summary  = "Lambda timeout must be 1-900 seconds and memory_size 128-10240 MB"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    An `aws_lambda_function` whose, in the environment being checked,

    - `timeout` is outside 1–900 (seconds), or
    - `memory_size` is outside 128–10240 (MB).

    Each argument is its own finding, at the argument. Unset arguments take
    AWS's defaults (3 seconds, 128 MB) and pass. Numbers written as strings
    (`"900"`, from a tfvars or env file) are read as numbers. A value known
    only at apply makes the check *undecided* (no finding).

    ## Why

    These are hard limits of the Lambda service, but neither `terraform
    validate` nor `terraform plan` checks them: the plan succeeds and the
    `CreateFunction`/`UpdateFunctionConfiguration` call fails during the
    apply, after other resources of the same apply have already been
    changed. A typical way to get there is a timeout copied from an API
    Gateway or SQS setting in milliseconds (`timeout = 30000`), a "give it
    more time" bump past the 15-minute maximum for a job that belongs in ECS
    or Step Functions, or a memory size taken from a container definition.
    Per environment matters: a value that is fine in development's tfvars
    and wrong in production's only fails the production apply.
  EOT

  bad_example = <<-EOT
    resource "aws_lambda_function" "export" {
      function_name = "export"
      role          = aws_iam_role.export.arn
      runtime       = "python3.12"
      handler       = "app.handler"
      filename      = "export.zip"
      timeout       = 3600
      memory_size   = 64
    }
  EOT

  good_example = <<-EOT
    resource "aws_lambda_function" "export" {
      function_name = "export"
      role          = aws_iam_role.export.arn
      runtime       = "python3.12"
      handler       = "app.handler"
      filename      = "export.zip"
      timeout       = 900
      memory_size   = 1024
    }
  EOT

  resource = "aws_lambda_function"

  for_each = {
    timeout     = { value = self.timeout, min = 1, max = 900, unit = "seconds" }
    memory_size = { value = self.memory_size, min = 128, max = 10240, unit = "MB" }
  }

  locals {
    value = each.value.value == null ? null : tonumber(each.value.value)
  }

  assert = local.value == null ? true : (local.value >= each.value.min && local.value <= each.value.max)

  at      = each.key
  message = "${each.key} of lambda function ${instance.address} is ${local.value} ${each.value.unit}, outside the allowed ${each.value.min}-${each.value.max}"
  detail  = "AWS Lambda accepts a timeout of 1 to 900 seconds and a memory_size of 128 to 10240 MB; the apply fails with any other value. For work that runs longer than 15 minutes use ECS/Fargate, AWS Batch or a Step Functions workflow."
}
