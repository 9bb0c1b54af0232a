locals {
  connect_token_secret_arn = var.create_connect_token_secret ? aws_secretsmanager_secret.connect_token[0].arn : var.connect_token_secret_arn

  # The function has no Lambda context (Funqy does not pass it), so it cannot see its remaining time:
  # it gets the timeout minus a margin for reading the event, the secret and writing the answer.
  connect_time_budget_seconds = var.timeout - 5

  # The function starts a Connect attempt only when its connect plus read timeout fit in what is left, and
  # refuses to start (every invocation fails) when one attempt cannot fit in CONNECT_TIME_BUDGET at all;
  # a dry run calls no Connect and is not checked, as in the function. try(): a malformed duration is
  # reported by its variable's validation, not by a regex error here.
  connect_attempt_ms = try(sum([
    for value in [var.connect_connect_timeout, var.connect_read_timeout] :
    tonumber(regex(local.duration_pattern_short, value)[0]) * local.duration_unit_ms[regex(local.duration_pattern_short, value)[1]]
  ]), 0)
  connect_attempt_fits    = var.deploy_dry_run || local.connect_attempt_ms <= local.connect_time_budget_seconds * 1000
  timeout_for_one_attempt = ceil(local.connect_attempt_ms / 1000) + 5
  timeout_too_short       = "timeout (${var.timeout} s) leaves the function ${local.connect_time_budget_seconds} s (CONNECT_TIME_BUDGET: the timeout less 5 s to read the event and the secret and to answer), less than one Connect attempt: connect_connect_timeout (${var.connect_connect_timeout}) + connect_read_timeout (${var.connect_read_timeout}). The function would refuse to start. Raise timeout to at least ${local.timeout_for_one_attempt}, or lower connect_read_timeout."

  # GitHub webhooks: after checking a delivery's signature the function hands the release to an
  # asynchronous invocation of the alias `live` (whose async invoke config retries it and sends it to the
  # dead-letter queue) and answers 202 within GitHub's 10 s. The ARN is built, not read from the alias or
  # the function: the function's own environment cannot depend on either (a cycle). A postcondition on the
  # alias checks that both agree.
  github_handoff        = var.github_webhook_secret_arn != null && var.create_function_url
  github_handoff_target = "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${var.function_name}:${local.alias_name}"

  # DEPLOY_GITHUB_MAX_AGE and DEDUPE_TTL in milliseconds, for the check that the table remembers a delivery
  # at least as long as the function accepts it: `<n>ms|s|m|h|d` or ISO-8601 `P[nD][T[nH][nM][n[.n]S]]`.
  duration_pattern_short = "^([0-9]+)(ms|s|m|h|d)$"
  duration_pattern_iso   = "^P(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\\.[0-9]+)?)S)?)?$"
  duration_unit_ms       = { ms = 1, s = 1000, m = 60000, h = 3600000, d = 86400000 }
  durations_ms = {
    for name, value in { github_max_age = var.github_max_age, dedupe_ttl = var.dedupe_ttl } : name => try(
      tonumber(regex(local.duration_pattern_short, value)[0]) * local.duration_unit_ms[regex(local.duration_pattern_short, value)[1]],
      sum([for i, unit_ms in [86400000, 3600000, 60000, 1000] : tonumber(coalesce(regex(local.duration_pattern_iso, value)[i], "0")) * unit_ms]),
    )
  }
  dedupe_ttl_covers_github_max_age = !var.create_dedupe_table || local.durations_ms.dedupe_ttl >= local.durations_ms.github_max_age
  dedupe_ttl_too_short             = "dedupe_ttl (${var.dedupe_ttl}) is shorter than github_max_age (${var.github_max_age}): with create_dedupe_table the function refuses to start unless DEDUPE_TTL >= DEPLOY_GITHUB_MAX_AGE, so that a GitHub delivery replayed while its release is still accepted finds its entry in the dedupe table. Raise dedupe_ttl or lower github_max_age."

  # An uncertain claim (a request Connect got but never answered) must outlive every retry of its event, or a
  # late retry would take the expired claim and send the deployment again: the longest any event can wait here
  # is Lambda's own maximum event age, or a rule's or schedule's, whichever is longest.
  max_event_age_seconds = max(concat([var.maximum_event_age_in_seconds],
    [for s in values(var.schedules) : s.maximum_event_age_in_seconds],
  [for r in values(var.eventbridge_rules) : r.maximum_event_age_in_seconds])...)
  dedupe_ttl_covers_event_age       = !var.create_dedupe_table || local.durations_ms.dedupe_ttl >= local.max_event_age_seconds * 1000
  dedupe_ttl_shorter_than_event_age = "dedupe_ttl (${var.dedupe_ttl}) is shorter than the longest maximum event age (${local.max_event_age_seconds} s, of maximum_event_age_in_seconds, schedules and eventbridge_rules): a deployment whose outcome is unknown keeps its claim for dedupe_ttl so that no retry sends it again, and a retry after that could. Raise dedupe_ttl or lower the maximum event age."

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
    CONNECT_SETTLE_TIME       = var.connect_api_dialect == "deployments" ? var.connect_settle_time : null
    CONNECT_TIME_BUDGET       = "${local.connect_time_budget_seconds}s"
    FUNCTION_TIMEOUT          = "${var.timeout}s"
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
    DEPLOY_GITHUB_MAX_AGE     = var.github_max_age
    # Referencing the parameters makes the function wait for them: it reads them at init.
    DEPLOY_ROUTES_PATH       = length(aws_ssm_parameter.route) > 0 ? local.routes_path : null
    DEPLOY_ROUTES_TTL        = length(var.routes) > 0 ? var.routes_ttl : null
    GITHUB_WEBHOOK_SECRET_ID = var.github_webhook_secret_arn
    GITHUB_HANDOFF_TARGET    = local.github_handoff ? local.github_handoff_target : null
    HTTP_BEARER_SECRET_ID    = var.http_bearer_secret_arn
    DEDUPE_TABLE             = var.create_dedupe_table ? aws_dynamodb_table.dedupe[0].name : null
    DEDUPE_TTL               = var.create_dedupe_table ? var.dedupe_ttl : null
    DEDUPE_FAIL_OPEN         = var.create_dedupe_table && var.dedupe_fail_open ? "true" : null
    # METRICS_SERVICE is left to its default, the function's name, which the dashboard and the alarm use.
    METRICS_NAMESPACE = var.metrics_namespace
    # As in the SAM template Quarkus generates for native Lambdas: the image installs no signal handlers.
    DISABLE_SIGNAL_HANDLERS = var.runtime_mode == "native" ? "true" : null
  }

  environment = merge(
    var.extra_environment_variables,
    { for name, value in local.function_settings : name => value if value != null },
  )
}
