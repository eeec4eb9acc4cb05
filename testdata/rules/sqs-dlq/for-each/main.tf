locals {
  queues = toset(["orders", "invoices"])
}

resource "aws_sqs_queue" "dlq" { # expect: sqs-dlq
  for_each = toset(["orders", "invoices", "refunds"])
  name     = "${each.key}-dlq"
}

# refunds-dlq is no queue's dead-letter queue: keys count.
resource "aws_sqs_queue" "main" {
  for_each = local.queues
  name     = each.key
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = 5
  })
}
