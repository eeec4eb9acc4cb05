resource "aws_sqs_queue" "jobs_dlq" {
  name                      = "jobs-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "emails" { # expect: sqs-dlq
  name = "emails"
}

# FIFO works the same way.
resource "aws_sqs_queue" "payments_dlq" {
  name       = "payments-dlq.fifo"
  fifo_queue = true
}

resource "aws_sqs_queue" "payments" {
  name       = "payments.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.payments_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "ledger" { # expect: sqs-dlq
  name       = "ledger.fifo"
  fifo_queue = true
}

# The redrive policy as a separate resource.
resource "aws_sqs_queue" "reports" {
  name = "reports"
}

resource "aws_sqs_queue" "reports_dlq" {
  name = "reports-dlq"
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.reports.arn]
  })
}

resource "aws_sqs_queue_redrive_policy" "reports" {
  queue_url = aws_sqs_queue.reports.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.reports_dlq.arn
    maxReceiveCount     = 4
  })
}

# A literal ARN names the dead-letter queue.
resource "aws_sqs_queue" "audit_dlq" {
  name = "audit-dlq"
}

resource "aws_sqs_queue" "audit" {
  name           = "audit"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:audit-dlq\",\"maxReceiveCount\":5}"
}

# Declared as a dead-letter queue for any queue.
resource "aws_sqs_queue" "shared_dlq" {
  name                 = "shared-dlq"
  redrive_allow_policy = jsonencode({ redrivePermission = "allowAll" })
}

# denyAll: no queue may use it as its dead-letter queue; it needs its own.
resource "aws_sqs_queue" "notifications" { # expect: sqs-dlq
  name                 = "notifications"
  redrive_allow_policy = jsonencode({ redrivePermission = "denyAll" })
}

resource "aws_sqs_queue" "webhooks" { # expect: sqs-dlq
  name = "webhooks"
}

resource "aws_sqs_queue_redrive_allow_policy" "webhooks" {
  queue_url            = aws_sqs_queue.webhooks.id
  redrive_allow_policy = jsonencode({ redrivePermission = "denyAll" })
}
