variable "name" {
  type = string
}

variable "with_dlq" {
  type    = bool
  default = true
}

resource "aws_sqs_queue" "dlq" {
  count = var.with_dlq ? 1 : 0
  name  = "${var.name}-dlq"
}

resource "aws_sqs_queue" "this" { # expect: sqs-dlq
  name = var.name
  redrive_policy = var.with_dlq ? jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[0].arn
    maxReceiveCount     = 5
  }) : null
}
