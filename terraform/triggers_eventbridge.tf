# EventBridge rules: release events a CI system puts, S3 `Object Created` through EventBridge (for buckets
# whose notification configuration is owned elsewhere), or a cron. Without `input` the function gets the
# whole EventBridge event and reads its `detail`.
resource "aws_cloudwatch_event_rule" "this" {
  for_each = var.eventbridge_rules

  name                = local.rule_names[each.key]
  description         = each.value.description
  event_bus_name      = each.value.event_bus_name
  event_pattern       = each.value.event_pattern
  schedule_expression = each.value.schedule_expression
  state               = each.value.enabled ? "ENABLED" : "DISABLED"
  tags                = var.tags

  lifecycle {
    precondition {
      condition     = length(local.rule_names[each.key]) <= 64
      error_message = "eventbridge_rules: key \"${each.key}\" makes the rule name ${local.rule_names[each.key]} (${length(local.rule_names[each.key])} characters); EventBridge allows 64. Shorten the key or function_name."
    }
  }
}

locals {
  rule_names = { for name in keys(var.eventbridge_rules) : name => "${var.function_name}-${name}" }
}

resource "aws_cloudwatch_event_target" "this" {
  for_each = var.eventbridge_rules

  rule           = aws_cloudwatch_event_rule.this[each.key].name
  event_bus_name = each.value.event_bus_name
  target_id      = var.function_name
  arn            = aws_lambda_alias.live.arn
  input          = each.value.input == null ? null : local.deploy_event_inputs["rule/${each.key}"]

  retry_policy {
    maximum_retry_attempts       = each.value.maximum_retry_attempts
    maximum_event_age_in_seconds = each.value.maximum_event_age_in_seconds
  }

  dead_letter_config {
    arn = aws_sqs_queue.dead_letter.arn
  }
}

resource "aws_lambda_permission" "eventbridge" {
  for_each = var.eventbridge_rules

  statement_id  = "AllowEventBridge-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.this[each.key].arn
}
