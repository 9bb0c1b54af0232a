data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "LambdaAssumesRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.function_name
  description        = "Execution role of the ${var.function_name} Lambda function"
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
  path               = var.role_path
  # Organisations whose SCPs require a boundary on every role.
  permissions_boundary = var.permissions_boundary
  tags                 = var.tags
}

# Least privilege: every statement names its resources; the only `*` is X-Ray's, whose write actions take
# no resource (tests/iam.tftest.hcl checks both).
data "aws_iam_policy_document" "this" {
  #checkov:skip=CKV_AWS_111:Only the X-Ray statement (tracing_mode Active) names `*`: xray:PutTraceSegments and PutTelemetryRecords take no resource.
  #checkov:skip=CKV_AWS_356:Same X-Ray statement: the two write actions support no resource-level permission.
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:*"]
  }

  statement {
    sid     = "ReadOwnSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = compact([
      local.connect_token_secret_arn,
      var.github_webhook_secret_arn,
      var.http_bearer_secret_arn,
    ])
  }

  statement {
    # Lambda sends failed asynchronous events to the on-failure destination as this role.
    sid       = "SendFailedEventsToDeadLetterQueue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letter.arn]
  }

  dynamic "statement" {
    # GitHub webhooks: the function invokes its own alias `live` asynchronously with the verified release
    # (GITHUB_HANDOFF_TARGET); exactly that qualified ARN, not the function or its other versions.
    for_each = local.github_handoff ? [local.github_handoff_target] : []
    content {
      sid       = "HandOffGitHubDeliveriesToOwnAlias"
      actions   = ["lambda:InvokeFunction"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    # The routing table: exactly its path (GetParametersByPath, not recursive), no other parameter.
    for_each = length(var.routes) > 0 ? [local.routes_path_arn] : []
    content {
      sid       = "ReadOwnRoutes"
      actions   = ["ssm:GetParametersByPath"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      sid       = "DecryptWithCustomerKey"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.create_dedupe_table ? [aws_dynamodb_table.dedupe[0].arn] : []
    content {
      sid       = "UseOwnDedupeTable"
      actions   = ["dynamodb:PutItem", "dynamodb:DeleteItem"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.tracing_mode == "Active" ? [1] : []
    content {
      sid       = "XRayTraces"
      actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      resources = ["*"]
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.function_name}-least-privilege"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}
