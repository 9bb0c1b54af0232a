# The Connect token's secret, created without a value: the README's `aws secretsmanager put-secret-value`
# fills it, so the token never passes through Terraform or its state.
resource "aws_secretsmanager_secret" "connect_token" {
  #checkov:skip=CKV_AWS_149:Encrypted with kms_key_arn when given, with the AWS managed key otherwise.
  #checkov:skip=CKV2_AWS_57:The value is a JFrog Connect token issued outside AWS; rotation is the owner's put-secret-value, which the function picks up (CONNECT_TOKEN_TTL, or at once on 401/403).
  count = var.create_connect_token_secret ? 1 : 0

  name                    = coalesce(var.connect_token_secret_name, "${var.function_name}/token")
  description             = "JFrog Connect user token for ${var.function_name}: the string, or JSON {\"${var.connect_token_secret_key}\": \"...\"}"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.connect_token_secret_recovery_window_in_days
  tags                    = var.tags
}
