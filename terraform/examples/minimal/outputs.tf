output "lambda_function_name" {
  description = "Name of the function."
  value       = module.connect_deployer.lambda_function_name
}

output "lambda_alias_arn" {
  description = "The alias to invoke."
  value       = module.connect_deployer.lambda_alias_arn
}

output "connect_token_secret_arn" {
  description = "Put the Connect token here (README)."
  value       = module.connect_deployer.connect_token_secret_arn
}

output "dead_letter_queue_url" {
  description = "Where failed asynchronous events wait."
  value       = module.connect_deployer.dead_letter_queue_url
}
