locals {
  alarm_actions = compact([var.alarm_sns_topic_arn])
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  count = var.create_alarms ? 1 : 0

  alarm_name          = "${var.function_name}-errors"
  alarm_description   = "${var.function_name} failed invocations: see its log group; failed async events are in ${aws_sqs_queue.dead_letter.name}"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.alarm_errors_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "dead_letter" {
  count = var.create_alarms ? 1 : 0

  alarm_name          = "${var.function_name}-dead-letter"
  alarm_description   = "Events ${var.function_name} could not process wait in ${aws_sqs_queue.dead_letter.name}: fix the cause, then replay them (README)"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dead_letter.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# Lambda metrics on the function (all versions and the alias): a failure none of the alarms above would show.
# DestinationDeliveryFailures: a failed async event that could not be sent to the dead-letter queue is lost.
# AsyncEventsDropped: events dropped without reaching the function (too old, retries exhausted while
# throttled) and not delivered to the destination either. Throttles: reserved concurrency too small.
locals {
  lambda_metric_alarms = var.create_alarms ? {
    destination_delivery_failures = {
      metric      = "DestinationDeliveryFailures"
      description = "Failed async events of ${var.function_name} that could NOT be sent to ${aws_sqs_queue.dead_letter.name}: they are lost. Check the role's sqs:SendMessage and the queue."
      threshold   = 1
    }
    async_events_dropped = {
      metric      = "AsyncEventsDropped"
      description = "Async events Lambda dropped for ${var.function_name} without running it (too old or throttled to the end); see the dead-letter queue and Throttles."
      threshold   = 1
    }
    throttles = {
      metric      = "Throttles"
      description = "Invocations of ${var.function_name} throttled (reserved concurrency or the account's limit reached); async events are retried, URL callers get 429."
      threshold   = var.alarm_throttles_threshold
    }
  } : {}
}

resource "aws_cloudwatch_metric_alarm" "lambda" {
  for_each = local.lambda_metric_alarms

  alarm_name          = "${var.function_name}-${replace(each.key, "_", "-")}"
  alarm_description   = each.value.description
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
