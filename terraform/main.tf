data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  runtimes = {
    jvm = {
      runtime = "java21"
      handler = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
    }
    native = {
      runtime = "provided.al2023"
      handler = "bootstrap"
    }
  }

  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  snap_start = var.runtime_mode == "jvm" && var.snap_start
  alias_name = "live"
}

resource "aws_cloudwatch_log_group" "this" {
  # The name Lambda writes to; created here so it has a retention and the role needs no logs:CreateLogGroup.
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_in_days
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = var.function_name
  description      = "Turns deploy events into JFrog Connect deployments (${var.runtime_mode})"
  role             = aws_iam_role.this.arn
  filename         = var.function_zip
  source_code_hash = filebase64sha256(var.function_zip)
  runtime          = local.runtimes[var.runtime_mode].runtime
  handler          = local.runtimes[var.runtime_mode].handler
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout
  kms_key_arn      = var.kms_key_arn

  # Every trigger invokes the alias, which points at the version published here; SnapStart snapshots it.
  publish                        = true
  reserved_concurrent_executions = var.reserved_concurrent_executions

  environment {
    variables = local.environment
  }

  tracing_config {
    mode = var.tracing_mode
  }

  dynamic "snap_start" {
    for_each = local.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.create_connect_token_secret || var.connect_token_secret_arn != null
      error_message = "Set connect_token_secret_arn, or leave create_connect_token_secret true."
    }

    # The function checks the same at startup and would not start.
    precondition {
      condition     = local.dedupe_ttl_covers_github_max_age
      error_message = local.dedupe_ttl_too_short
    }
  }

  # The log group first, or Lambda would create it without a retention; the policy first, or the first
  # invocations could run without their permissions.
  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.this]
}

# In both modes (publish = true with or without SnapStart): the async invoke config, the Function URL and the
# GitHub hand-off target are all on this alias.
resource "aws_lambda_alias" "live" {
  name             = local.alias_name
  description      = "What every trigger invokes: the latest published version"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version

  lifecycle {
    postcondition {
      condition     = !local.github_handoff || self.arn == local.github_handoff_target
      error_message = "GITHUB_HANDOFF_TARGET (${local.github_handoff_target}) is not the alias's ARN (${self.arn})."
    }
  }
}
