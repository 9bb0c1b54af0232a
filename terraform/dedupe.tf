# Remembers event ids so a redelivered event (S3 and EventBridge deliver at least once) deploys once.
# Items expire through DynamoDB TTL on `expires_at` (epoch seconds), after DEDUPE_TTL.
resource "aws_dynamodb_table" "dedupe" {
  #checkov:skip=CKV_AWS_119:Encrypted with kms_key_arn when given (server_side_encryption), with DynamoDB's own key otherwise.
  #checkov:skip=CKV_AWS_28:Point-in-time recovery would restore short-lived claims that expire by TTL within dedupe_ttl; nothing in this table is worth restoring.
  count = var.create_dedupe_table ? 1 : 0

  name         = "${var.function_name}-dedupe"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  # With kms_key_arn the customer key; otherwise DynamoDB's own key (enabled = false is not "unencrypted").
  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }

  tags = var.tags
}
