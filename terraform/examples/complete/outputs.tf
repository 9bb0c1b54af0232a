output "lambda_function_name" {
  description = "Name of the function."
  value       = module.connect_deployer.lambda_function_name
}

output "lambda_alias_arn" {
  description = "The alias every trigger invokes."
  value       = module.connect_deployer.lambda_alias_arn
}

output "lambda_function_url" {
  description = "Public Function URL: GitHub webhook payload URL, or POST with Authorization: Bearer."
  value       = module.connect_deployer.lambda_function_url
}

output "connect_token_secret_arn" {
  description = "Put the Connect token here."
  value       = module.connect_deployer.connect_token_secret_arn
}

output "github_webhook_secret_arn" {
  description = "Put the GitHub webhook secret here."
  value       = aws_secretsmanager_secret.github_webhook.arn
}

output "http_bearer_secret_arn" {
  description = "Put the bearer token for Function URL callers here."
  value       = aws_secretsmanager_secret.http_bearer.arn
}

output "dead_letter_queue_url" {
  description = "Where failed asynchronous events wait."
  value       = module.connect_deployer.dead_letter_queue_url
}

output "uploads_bucket" {
  description = "Upload firmware/<app>/<version>/<file> here (S3 notification)."
  value       = aws_s3_bucket.uploads.bucket
}

output "releases_bucket" {
  description = "Upload <app>/<version>/<file> here (through EventBridge)."
  value       = aws_s3_bucket.releases.bucket
}

output "schedule_arns" {
  description = "Scheduler schedules, by key."
  value       = module.connect_deployer.schedule_arns
}

output "eventbridge_rule_arns" {
  description = "EventBridge rules, by key."
  value       = module.connect_deployer.eventbridge_rule_arns
}

output "alarm_topic_arn" {
  description = "Subscribe to the alarms here."
  value       = aws_sns_topic.alarms.arn
}

output "dedupe_table_name" {
  description = "Duplicate-detection table."
  value       = module.connect_deployer.dedupe_table_name
}
