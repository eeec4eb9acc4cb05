policy "sqs-dlq" {
  severity = "note"
  summary  = "SQS queues should have a dead-letter queue"
  tags     = ["reliability"]

  description = <<-EOT
    ## What fails

    An `aws_sqs_queue` (standard or FIFO) that has no dead-letter queue and
    is not itself one. It has a dead-letter queue when

    - its `redrive_policy` is set (usually `jsonencode({ deadLetterTargetArn
      = aws_sqs_queue.x_dlq.arn, maxReceiveCount = 5 })`), or
    - an `aws_sqs_queue_redrive_policy` in the same environment refers to it
      in `queue_url`.

    It is a dead-letter queue when something in the same environment (any
    module) sends failed messages to it:

    - another queue's `redrive_policy`, or an
      `aws_sqs_queue_redrive_policy`'s `redrive_policy`, refers to it;
    - it has a `redrive_allow_policy`, or an
      `aws_sqs_queue_redrive_allow_policy` refers to it in `queue_url`
      (that declares it as a dead-letter queue), other than `denyAll`;
    - it is the dead-letter target of an `aws_sns_topic_subscription`
      (`redrive_policy`), an `aws_lambda_function` (`dead_letter_config`),
      an `aws_cloudwatch_event_target` (`dead_letter_config`), an
      `aws_scheduler_schedule` (`target.dead_letter_config`), or the
      `on_failure` destination of an `aws_lambda_event_source_mapping` or
      `aws_lambda_function_event_invoke_config`.

    "Refers to" follows references (`aws_sqs_queue.dlq.arn` inside a
    `jsonencode`, through module outputs; instance keys must match); a
    literal ARN counts when it ends in `:NAME` of the queue's literal
    `name`. Something that could be known only at apply and would decide
    the outcome (a redrive policy built from an unknown variable) leaves the
    check undecided.

    ## Why

    A message that its consumer cannot process (malformed JSON, a record
    that no longer exists, a bug that throws for one customer) becomes
    visible again after every visibility timeout and is received again and
    again until the retention period (4 days by default) runs out. Each
    attempt costs a consumer invocation, the error logs fill with the same
    failure, a FIFO message group is blocked behind it altogether, and in
    the end the message is deleted without a trace. With a dead-letter
    queue it is set aside after `maxReceiveCount` attempts, the rest of the
    queue flows, an alarm on the dead-letter queue's depth tells someone,
    and the message can be inspected and redriven once the bug is fixed.
  EOT

  bad_example = <<-EOT
    resource "aws_sqs_queue" "jobs" {
      name = "jobs"
    }
  EOT

  good_example = <<-EOT
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
  EOT

  resource = "aws_sqs_queue"

  locals {
    # A reference to another queue is unknown until apply but certainly set.
    has_redrive = (
      (self.redrive_policy != null && self.redrive_policy != "") ||
      length(references(self.redrive_policy, "aws_sqs_queue")) > 0 ||
      anytrue([for r in resources("aws_sqs_queue_redrive_policy") : refers_to(r.queue_url, self)])
    )
    # Whether a redrive policy (JSON text) names this queue as its target:
    # by reference, else by a literal ARN ending in :NAME.
    literal_arn = self.name == null ? null : ":${self.name}\""
    redrive_targets = concat(
      [for q in resources("aws_sqs_queue") : q.redrive_policy],
      [for r in resources("aws_sqs_queue_redrive_policy") : r.redrive_policy],
      [for s in resources("aws_sns_topic_subscription") : s.redrive_policy],
    )
    # (No `p == null` test up front: a policy built from .arn references is
    # unknown until apply, and comparing it with null would be unknown too.)
    targeted = anytrue([
      for p in local.redrive_targets : (
        length(references(p, "aws_sqs_queue")) > 0
        ? refers_to(p, self)
        : (p == null || local.literal_arn == null ? false : strcontains(p, local.literal_arn))
      )
    ])
    # Other services' dead-letter and on-failure targets.
    service_targets = concat(
      [for f in resources("aws_lambda_function") : f.dead_letter_config],
      [for t in resources("aws_cloudwatch_event_target") : t.dead_letter_config],
      [for s in resources("aws_scheduler_schedule") : s.target[*].dead_letter_config],
      [for m in resources("aws_lambda_event_source_mapping") : m.destination_config[*].on_failure],
      [for c in resources("aws_lambda_function_event_invoke_config") : c.destination_config[*].on_failure],
    )
    is_dlq = (
      local.targeted ||
      # A redrive allow policy declares a dead-letter queue, unless it is
      # denyAll. byQueue lists source queues (.arn references: unknown).
      (self.redrive_allow_policy != null && !strcontains(self.redrive_allow_policy, "denyAll")) ||
      length(references(self.redrive_allow_policy, "aws_sqs_queue")) > 0 ||
      anytrue([
        for a in resources("aws_sqs_queue_redrive_allow_policy") :
        refers_to(a.queue_url, self) && (
          length(references(a.redrive_allow_policy, "aws_sqs_queue")) > 0 ||
          !strcontains(a.redrive_allow_policy, "denyAll")
        )
      ]) ||
      anytrue([for t in local.service_targets : refers_to(t, self)])
    )
  }

  assert  = local.has_redrive || local.is_dlq
  message = "queue ${instance.address} has no dead-letter queue"
  detail  = "Create a dead-letter queue (for a FIFO queue, a FIFO queue) with a long message_retention_seconds, set redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.NAME_dlq.arn, maxReceiveCount = 5 }) on this queue, and alarm on the dead-letter queue's ApproximateNumberOfMessagesVisible."
}
