# Remembers event ids so a redelivered event (S3 and EventBridge deliver at least once) deploys once.
# Items expire through DynamoDB TTL on `expires_at` (epoch seconds), after DEDUPE_TTL.
resource "aws_dynamodb_table" "dedupe" {
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

  tags = var.tags
}
