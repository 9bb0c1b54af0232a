# Where every asynchronous event that failed for good ends up (S3, EventBridge rules, Scheduler), so no
# trigger's event is lost: Lambda's on-failure destination after its retries, and the rules' and schedules'
# own dead-letter target when they cannot deliver to Lambda at all.
resource "aws_sqs_queue" "dead_letter" {
  name                      = "${var.function_name}-dead-letter"
  message_retention_seconds = var.dead_letter_message_retention_seconds
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_lambda_function_event_invoke_config" "this" {
  function_name                = aws_lambda_function.this.function_name
  qualifier                    = aws_lambda_alias.live.name
  maximum_retry_attempts       = var.maximum_retry_attempts
  maximum_event_age_in_seconds = var.maximum_event_age_in_seconds

  destination_config {
    on_failure {
      destination = aws_sqs_queue.dead_letter.arn
    }
  }

  # Lambda checks that the role may send to the destination when the config is written.
  depends_on = [aws_iam_role_policy.this]
}

# EventBridge rules send what they cannot deliver with the service's own identity, so the queue must let
# events.amazonaws.com in, for exactly this module's rules. (Scheduler uses its role instead.)
data "aws_iam_policy_document" "dead_letter_queue" {
  count = length(var.eventbridge_rules) > 0 ? 1 : 0

  statement {
    sid       = "EventBridgeRulesSendUndeliveredEvents"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letter.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [for rule in aws_cloudwatch_event_rule.this : rule.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letter" {
  count = length(var.eventbridge_rules) > 0 ? 1 : 0

  queue_url = aws_sqs_queue.dead_letter.id
  policy    = data.aws_iam_policy_document.dead_letter_queue[0].json
}
