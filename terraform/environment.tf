locals {
  connect_token_secret_arn = var.create_connect_token_secret ? aws_secretsmanager_secret.connect_token[0].arn : var.connect_token_secret_arn

  # The function has no Lambda context (Funqy does not pass it), so it cannot see its remaining time:
  # it gets the timeout minus a margin for reading the event, the secret and writing the answer.
  connect_time_budget_seconds = var.timeout - 5

  # Every setting of the function's README. Unset optional ones are left out, so the function's own
  # defaults apply and the console shows only what was chosen.
  function_settings = {
    CONNECT_API_URL           = var.connect_api_url
    CONNECT_API_DIALECT       = var.connect_api_dialect
    CONNECT_TOKEN_SECRET_ID   = local.connect_token_secret_arn
    CONNECT_TOKEN_SECRET_KEY  = var.connect_token_secret_key
    CONNECT_TOKEN_TTL         = var.connect_token_ttl
    CONNECT_MAX_ATTEMPTS      = tostring(var.connect_max_attempts)
    CONNECT_CONNECT_TIMEOUT   = var.connect_connect_timeout
    CONNECT_READ_TIMEOUT      = var.connect_read_timeout
    CONNECT_RETRY_BASE_DELAY  = var.connect_retry_base_delay
    CONNECT_RETRY_MAX_DELAY   = var.connect_retry_max_delay
    CONNECT_TIME_BUDGET       = "${local.connect_time_budget_seconds}s"
    DEPLOY_PROJECT            = var.deploy_project
    DEPLOY_FLOW_ID            = var.deploy_flow_id
    DEPLOY_APP_NAME           = var.deploy_app_name
    DEPLOY_APP_VERSION        = var.deploy_app_version
    DEPLOY_GROUPS             = length(var.deploy_groups) > 0 ? join(",", var.deploy_groups) : null
    DEPLOY_FILTERS            = length(var.deploy_filters) > 0 ? jsonencode([for f in var.deploy_filters : { for k, v in f : k => v if v != null }]) : null
    DEPLOY_PARAMETERS         = length(var.deploy_parameters) > 0 ? jsonencode(var.deploy_parameters) : null
    DEPLOY_COMMENT            = var.deploy_comment
    DEPLOY_DRY_RUN            = tostring(var.deploy_dry_run)
    DEPLOY_S3_KEY_PATTERN     = var.deploy_s3_key_pattern
    DEPLOY_GITHUB_PRERELEASES = tostring(var.deploy_github_prereleases)
    GITHUB_WEBHOOK_SECRET_ID  = var.github_webhook_secret_arn
    HTTP_BEARER_SECRET_ID     = var.http_bearer_secret_arn
    DEDUPE_TABLE              = var.create_dedupe_table ? aws_dynamodb_table.dedupe[0].name : null
    DEDUPE_TTL                = var.create_dedupe_table ? var.dedupe_ttl : null
    DEDUPE_FAIL_OPEN          = var.create_dedupe_table && var.dedupe_fail_open ? "true" : null
    # As in the SAM template Quarkus generates for native Lambdas: the image installs no signal handlers.
    DISABLE_SIGNAL_HANDLERS = var.runtime_mode == "native" ? "true" : null
  }

  environment = merge(
    var.extra_environment_variables,
    { for name, value in local.function_settings : name => value if value != null },
  )
}
