output "lambda_function_name" {
  description = "Name of the function."
  value       = aws_lambda_function.this.function_name
}

output "lambda_function_arn" {
  description = "ARN of the function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "lambda_function_version" {
  description = "Version published by the last apply, the one the alias points at."
  value       = aws_lambda_function.this.version
}

output "lambda_alias_arn" {
  description = "ARN of the alias `live`, which every trigger invokes; use it for direct invocations too."
  value       = aws_lambda_alias.live.arn
}

output "lambda_role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.this.arn
}

output "lambda_function_url" {
  description = "The Function URL (null without create_function_url)."
  value       = try(aws_lambda_function_url.this[0].function_url, null)
}

output "lambda_role_name" {
  description = "Name of the function's execution role (to attach more policies)."
  value       = aws_iam_role.this.name
}

output "log_group_name" {
  description = "The function's CloudWatch log group (created, or expected to exist with create_log_group = false)."
  value       = local.log_group_name
}

output "log_group_arn" {
  description = "ARN of the function's CloudWatch log group."
  value       = local.log_group_arn
}

output "connect_token_secret_arn" {
  description = "ARN of the secret the function reads the Connect token from (created or given)."
  value       = local.connect_token_secret_arn
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue holding events that failed for good."
  value       = aws_sqs_queue.dead_letter.id
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue."
  value       = aws_sqs_queue.dead_letter.arn
}

output "schedule_arns" {
  description = "ARNs of the Scheduler schedules, by key."
  value       = { for name, schedule in aws_scheduler_schedule.this : name => schedule.arn }
}

output "scheduler_role_arn" {
  description = "ARN of the role Scheduler invokes the function with (null without schedules)."
  value       = try(aws_iam_role.scheduler[0].arn, null)
}

output "eventbridge_rule_arns" {
  description = "ARNs of the EventBridge rules, by key."
  value       = { for name, rule in aws_cloudwatch_event_rule.this : name => rule.arn }
}

output "alarm_arns" {
  description = "ARNs of the alarms (errors, dead_letter, destination_delivery_failures, async_events_dropped, throttles); empty without create_alarms."
  value = var.create_alarms ? merge({
    errors      = aws_cloudwatch_metric_alarm.errors[0].arn
    dead_letter = aws_cloudwatch_metric_alarm.dead_letter[0].arn
  }, { for name, alarm in aws_cloudwatch_metric_alarm.lambda : name => alarm.arn }) : {}
}

output "dedupe_table_arn" {
  description = "ARN of the duplicate-detection table (null without create_dedupe_table)."
  value       = try(aws_dynamodb_table.dedupe[0].arn, null)
}

output "dedupe_table_name" {
  description = "Name of the duplicate-detection table (null without create_dedupe_table)."
  value       = try(aws_dynamodb_table.dedupe[0].name, null)
}

output "routes_path" {
  description = "The SSM path holding one parameter per route (DEPLOY_ROUTES_PATH); null without routes."
  value       = length(var.routes) > 0 ? local.routes_path : null
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard (null without create_dashboard)."
  value       = try(aws_cloudwatch_dashboard.this[0].dashboard_name, null)
}

output "failure_rate_alarm_arn" {
  description = "ARN of the deployment failure-rate alarm (null unless failure_rate_alarm.create)."
  value       = try(aws_cloudwatch_metric_alarm.failure_rate[0].arn, null)
}
