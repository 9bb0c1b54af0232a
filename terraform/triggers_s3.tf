# S3 event notifications, straight to the function. aws_s3_bucket_notification owns the bucket's whole
# notification configuration: for a bucket that already has one, use an EventBridge rule instead.
resource "aws_lambda_permission" "s3" {
  for_each = var.s3_triggers

  statement_id   = "AllowS3-${each.key}"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.this.function_name
  qualifier      = aws_lambda_alias.live.name
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:${local.partition}:s3:::${each.value.bucket}"
  source_account = local.account_id # bucket ARNs carry no account: without it, any account's bucket of that name could invoke
}

resource "aws_s3_bucket_notification" "this" {
  for_each = var.s3_triggers

  bucket = each.value.bucket

  dynamic "lambda_function" {
    for_each = length(each.value.filters) > 0 ? each.value.filters : [{ prefix = null, suffix = null }]
    content {
      id                  = "${var.function_name}-${each.key}-${lambda_function.key}"
      lambda_function_arn = aws_lambda_alias.live.arn
      events              = each.value.events
      filter_prefix       = lambda_function.value.prefix
      filter_suffix       = lambda_function.value.suffix
    }
  }

  # S3 tests the destination when the configuration is written.
  depends_on = [aws_lambda_permission.s3]
}
