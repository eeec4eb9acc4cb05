# Queues that other services use as their dead-letter or on-failure target.
resource "aws_sqs_queue" "resize_failures" {
  name = "resize-failures"
}

resource "aws_lambda_function" "resize" {
  function_name = "resize"
  role          = "arn:aws:iam::123456789012:role/resize"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "resize.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.resize_failures.arn
  }
}

resource "aws_sns_topic" "orders" {
  name = "orders"
}

# Subscribed to the topic, without a dead-letter queue of its own.
resource "aws_sqs_queue" "order_events" { # expect: sqs-dlq
  name = "order-events"
}

resource "aws_sqs_queue" "order_events_undeliverable" {
  name = "order-events-undeliverable"
}

resource "aws_sns_topic_subscription" "order_events" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.order_events.arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.order_events_undeliverable.arn
  })
}

resource "aws_sqs_queue" "nightly_failures" {
  name = "nightly-failures"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.resize.arn

  dead_letter_config {
    arn = aws_sqs_queue.nightly_failures.arn
  }
}

resource "aws_sqs_queue" "stream_failures" {
  name = "stream-failures"
}

resource "aws_lambda_event_source_mapping" "stream" {
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
  function_name     = aws_lambda_function.resize.arn
  starting_position = "LATEST"

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.stream_failures.arn
    }
  }
}

resource "aws_sqs_queue" "async_failures" {
  name = "async-failures"
}

resource "aws_lambda_function_event_invoke_config" "resize" {
  function_name = aws_lambda_function.resize.function_name

  destination_config {
    on_failure {
      destination = aws_sqs_queue.async_failures.arn
    }
  }
}

resource "aws_sqs_queue" "schedule_failures" {
  name = "schedule-failures"
}

resource "aws_scheduler_schedule" "cleanup" {
  name                = "cleanup"
  schedule_expression = "rate(1 hour)"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.resize.arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"

    dead_letter_config {
      arn = aws_sqs_queue.schedule_failures.arn
    }
  }
}

# The on-success destination is a work queue, not a dead-letter queue.
resource "aws_sqs_queue" "resized" { # expect: sqs-dlq
  name = "resized"
}

resource "aws_lambda_function_event_invoke_config" "resize_success" {
  function_name = aws_lambda_function.resize.function_name
  qualifier     = "live"

  destination_config {
    on_success {
      destination = aws_sqs_queue.resized.arn
    }
  }
}
