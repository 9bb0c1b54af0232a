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
    # ./mvnw package -Daot: bootstrap execs the JDK 25 runtime bundled in the zip; Lambda ignores the handler.
    aot = {
      runtime = "provided.al2023"
      handler = "bootstrap"
    }
  }

  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  # `id`, not `name`: 6.x deprecates `name` (for `region`, which 5.x lacks); `id` is the region in both.
  region     = data.aws_region.current.id
  snap_start = var.runtime_mode == "jvm" && var.snap_start
  alias_name = "live"
}

resource "aws_cloudwatch_log_group" "this" {
  #checkov:skip=CKV_AWS_158:Encrypted with kms_key_arn when given; a customer key is the caller's choice (its key policy must admit CloudWatch Logs), AWS-owned encryption otherwise.
  #checkov:skip=CKV_AWS_338:Retention is the input log_retention_in_days (default 30 days); a year is the caller's choice, not a default for a deploy trigger's logs.
  count = var.create_log_group ? 1 : 0

  # The name Lambda writes to; created here so it has a retention and the role needs no logs:CreateLogGroup.
  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

locals {
  log_group_name = "/aws/lambda/${var.function_name}"
  log_group_arn  = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"

  # The code: a local zip (direct upload, up to 50 MB) or an existing S3 object. fileexists() keeps plans
  # and `terraform destroy` working where the zip is absent; the precondition below refuses a missing zip
  # only when the function is created or updated.
  code_from_s3     = var.function_s3 != null
  function_zip_set = var.function_zip != null
  function_zip_ok  = local.function_zip_set && try(fileexists(var.function_zip), false)
  source_code_hash = (
    local.code_from_s3 ? var.function_s3.source_code_hash :
    local.function_zip_ok ? try(filebase64sha256(var.function_zip), null) : null
  )
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_117:The function reaches only public endpoints (Connect, Secrets Manager, DynamoDB, Lambda); a VPC would add NAT cost and no protection.
  #checkov:skip=CKV_AWS_116:Failed async events go to the on-failure destination of aws_lambda_function_event_invoke_config (the dead-letter queue), which supersedes a function DLQ.
  #checkov:skip=CKV_AWS_272:Code signing is the input code_signing_config_arn (needs signed code from S3); off by default.
  #checkov:skip=CKV_AWS_173:The environment holds no secret (only secret ARNs and settings); kms_key_arn encrypts it with a customer key when given.
  function_name     = var.function_name
  description       = "Turns deploy events into JFrog Connect deployments (${var.runtime_mode})"
  role              = aws_iam_role.this.arn
  filename          = local.code_from_s3 ? null : var.function_zip
  s3_bucket         = local.code_from_s3 ? var.function_s3.bucket : null
  s3_key            = local.code_from_s3 ? var.function_s3.key : null
  s3_object_version = local.code_from_s3 ? var.function_s3.version : null
  source_code_hash  = local.source_code_hash
  runtime           = local.runtimes[var.runtime_mode].runtime
  handler           = local.runtimes[var.runtime_mode].handler
  architectures     = [var.architecture]
  memory_size       = var.memory_size
  timeout           = var.timeout
  kms_key_arn       = var.kms_key_arn

  code_signing_config_arn = var.code_signing_config_arn

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
      condition     = local.function_zip_set != local.code_from_s3
      error_message = "Give exactly one of function_zip (a local zip) and function_s3 (an S3 object)."
    }

    # Checked when the function is created or updated, not on destroy: the zip may be gone by then.
    precondition {
      condition     = local.code_from_s3 || local.function_zip_ok
      error_message = "function_zip: no such file (${coalesce(var.function_zip, "null")}); build it first with ./mvnw package (jvm) or ./mvnw package -Dnative (native), or give function_s3."
    }

    # The aot zip bundles the build machine's JDK (x86_64 here); the module cannot look inside the zip to check it.
    precondition {
      condition     = var.runtime_mode != "aot" || var.architecture == "x86_64"
      error_message = "runtime_mode aot bundles an x86_64 JDK 25 runtime (the one -Djdk25.home points at): set architecture = \"x86_64\", or build the aot zip on and with an arm64 JDK 25 and say so here."
    }

    # A public URL is open to anyone: unlimited, its callers could take the account's whole concurrency.
    precondition {
      condition     = !local.function_url_public || var.reserved_concurrent_executions > 0 || var.allow_public_function_url_without_reserved_concurrency
      error_message = "function_url_auth_type NONE needs reserved_concurrent_executions >= 1, so that unauthenticated callers cannot use the account's whole concurrency. Where the account's quota cannot spare a reservation, set allow_public_function_url_without_reserved_concurrency = true."
    }

    precondition {
      condition     = var.create_connect_token_secret || var.connect_token_secret_arn != null
      error_message = "Set connect_token_secret_arn, or leave create_connect_token_secret true."
    }

    # The function checks the same at startup and would not start.
    precondition {
      condition     = local.dedupe_ttl_covers_github_max_age
      error_message = local.dedupe_ttl_too_short
    }

    precondition {
      condition     = local.dedupe_ttl_covers_event_age
      error_message = local.dedupe_ttl_shorter_than_event_age
    }

    # The function checks the same at startup and would not start.
    precondition {
      condition     = local.connect_attempt_fits
      error_message = local.timeout_too_short
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
