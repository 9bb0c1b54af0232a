output "lambda_alias_arn" {
  description = "The alias to invoke."
  value       = module.connect_deployer.lambda_alias_arn
}

output "lambda_function_url" {
  description = "The GitHub organisation webhook's payload URL."
  value       = module.connect_deployer.lambda_function_url
}

output "builds_bucket" {
  description = "Upload <app>/<version>/<file> here."
  value       = aws_s3_bucket.builds.bucket
}

output "routes_path" {
  description = "The SSM path holding one parameter per route."
  value       = module.connect_deployer.routes_path
}

output "connect_token_secret_arn" {
  description = "Put the Connect token here (README)."
  value       = module.connect_deployer.connect_token_secret_arn
}
