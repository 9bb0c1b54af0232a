# The function in each mode, its alias, and its environment from the typed inputs.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip   = "tests/fixtures/function.zip"
  deploy_project = "Demo"
  deploy_flow_id = "f-dd0c-73b9"
}

run "jvm_mode_runs_java21_with_snap_start_on_published_versions" {
  command = apply

  assert {
    condition     = aws_lambda_function.this.runtime == "java21"
    error_message = "jvm mode: runtime java21, got ${aws_lambda_function.this.runtime}"
  }

  assert {
    condition     = aws_lambda_function.this.handler == "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
    error_message = "jvm mode: Funqy's stream handler, got ${aws_lambda_function.this.handler}"
  }

  assert {
    condition     = length(aws_lambda_function.this.snap_start) == 1 && aws_lambda_function.this.snap_start[0].apply_on == "PublishedVersions"
    error_message = "jvm mode: SnapStart on published versions"
  }

  assert {
    condition     = aws_lambda_function.this.publish && aws_lambda_alias.live.function_version == aws_lambda_function.this.version
    error_message = "the alias must point at the version this apply published"
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "DISABLE_SIGNAL_HANDLERS")
    error_message = "DISABLE_SIGNAL_HANDLERS is for native mode only"
  }

  assert {
    condition     = aws_lambda_function.this.source_code_hash == filebase64sha256("tests/fixtures/function.zip")
    error_message = "source_code_hash must be the zip's hash, so a new build publishes a new version"
  }

  assert {
    condition     = aws_lambda_function.this.reserved_concurrent_executions == -1 && aws_lambda_function.this.architectures == tolist(["x86_64"])
    error_message = "defaults: no reserved concurrency, x86_64"
  }
}

run "native_mode_runs_bootstrap_on_provided_al2023_without_snap_start" {
  command = apply

  variables {
    runtime_mode = "native"
    architecture = "arm64"
  }

  assert {
    condition     = aws_lambda_function.this.runtime == "provided.al2023" && aws_lambda_function.this.handler == "bootstrap"
    error_message = "native mode: provided.al2023 with handler bootstrap, got ${aws_lambda_function.this.runtime} ${aws_lambda_function.this.handler}"
  }

  assert {
    condition     = length(aws_lambda_function.this.snap_start) == 0
    error_message = "native mode: SnapStart is for the Java runtimes only"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DISABLE_SIGNAL_HANDLERS"] == "true"
    error_message = "native mode: DISABLE_SIGNAL_HANDLERS=true"
  }

  assert {
    condition     = aws_lambda_function.this.publish && aws_lambda_alias.live.name == "live" && aws_lambda_function.this.architectures == tolist(["arm64"])
    error_message = "native mode is published and aliased like jvm mode, on the chosen architecture"
  }
}

run "defaults_set_connect_settings_and_leave_unset_ones_out" {
  command = apply

  assert {
    condition = aws_lambda_function.this.environment[0].variables == tomap({
      CONNECT_API_URL           = "https://api.connect.jfrog.io"
      CONNECT_API_DIALECT       = "deploy_update"
      CONNECT_TOKEN_SECRET_ID   = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect-deployer/token-AbCdEf"
      CONNECT_TOKEN_SECRET_KEY  = "user_token"
      CONNECT_TOKEN_TTL         = "5m"
      CONNECT_MAX_ATTEMPTS      = "5"
      CONNECT_CONNECT_TIMEOUT   = "3s"
      CONNECT_READ_TIMEOUT      = "10s"
      CONNECT_RETRY_BASE_DELAY  = "500ms"
      CONNECT_RETRY_MAX_DELAY   = "8s"
      CONNECT_TIME_BUDGET       = "25s"
      FUNCTION_TIMEOUT          = "30s"
      DEPLOY_PROJECT            = "Demo"
      DEPLOY_FLOW_ID            = "f-dd0c-73b9"
      DEPLOY_DRY_RUN            = "false"
      DEPLOY_GITHUB_PRERELEASES = "false"
      DEPLOY_GITHUB_MAX_AGE     = "72h"
      METRICS_NAMESPACE         = "ConnectDeployer"
    })
    error_message = "unexpected environment: ${jsonencode(aws_lambda_function.this.environment[0].variables)}"
  }

  assert {
    condition     = aws_secretsmanager_secret.connect_token[0].name == "connect-deployer/token"
    error_message = "the created secret is <function_name>/token, the name the main README's put-secret-value uses"
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].name == "/aws/lambda/connect-deployer" && aws_cloudwatch_log_group.this[0].retention_in_days == 30
    error_message = "the log group Lambda writes to, with a retention"
  }
}

run "typed_inputs_become_the_functions_variables" {
  command = apply

  variables {
    timeout                   = 60
    connect_api_dialect       = "deployments"
    connect_max_attempts      = 3
    deploy_app_name           = "gateway"
    deploy_app_version        = "v1.4.2"
    deploy_groups             = ["TestGroup1", "TestGroup2"]
    deploy_comment            = "release $${version}"
    deploy_dry_run            = true
    deploy_s3_key_pattern     = "firmware/(?<app>[^/]+)/(?<version>[^/]+)/.+"
    deploy_github_prereleases = true
    deploy_parameters         = { artifact_url = "s3://$${bucket}/$${key}", username = "ubuntu" }
    deploy_filters = [
      { type = "device_state", operand = "is", value = "online" },
      { type = "app", operand = "is_not", value = "gateway", app_version = "v1.0" },
      { type = "deployment", operand = "is_not", value = "failed", deployment_id = "d-1234" },
    ]
    github_webhook_secret_arn   = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf"
    http_bearer_secret_arn      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:http-bearer-AbCdEf"
    create_dedupe_table         = true
    extra_environment_variables = { QUARKUS_LOG_LEVEL = "DEBUG", DEPLOY_PROJECT = "loses" }
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["CONNECT_TIME_BUDGET"] == "55s"
    error_message = "CONNECT_TIME_BUDGET is the timeout minus 5 s"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DEPLOY_GROUPS"] == "TestGroup1,TestGroup2"
    error_message = "DEPLOY_GROUPS is comma-separated"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DEPLOY_FILTERS"] == "[{\"operand\":\"is\",\"type\":\"device_state\",\"value\":\"online\"},{\"app_version\":\"v1.0\",\"operand\":\"is_not\",\"type\":\"app\",\"value\":\"gateway\"},{\"deployment_id\":\"d-1234\",\"operand\":\"is_not\",\"type\":\"deployment\",\"value\":\"failed\"}]"
    error_message = "DEPLOY_FILTERS is a JSON array without null attributes, got ${aws_lambda_function.this.environment[0].variables["DEPLOY_FILTERS"]}"
  }

  assert {
    condition     = jsondecode(aws_lambda_function.this.environment[0].variables["DEPLOY_PARAMETERS"]) == { artifact_url = "s3://$${bucket}/$${key}", username = "ubuntu" }
    error_message = "DEPLOY_PARAMETERS keeps placeholders for the function, got ${aws_lambda_function.this.environment[0].variables["DEPLOY_PARAMETERS"]}"
  }

  assert {
    condition = alltrue([
      aws_lambda_function.this.environment[0].variables["CONNECT_API_DIALECT"] == "deployments",
      aws_lambda_function.this.environment[0].variables["CONNECT_MAX_ATTEMPTS"] == "3",
      aws_lambda_function.this.environment[0].variables["DEPLOY_APP_NAME"] == "gateway",
      aws_lambda_function.this.environment[0].variables["DEPLOY_APP_VERSION"] == "v1.4.2",
      aws_lambda_function.this.environment[0].variables["DEPLOY_COMMENT"] == "release $${version}",
      aws_lambda_function.this.environment[0].variables["DEPLOY_DRY_RUN"] == "true",
      aws_lambda_function.this.environment[0].variables["DEPLOY_S3_KEY_PATTERN"] == "firmware/(?<app>[^/]+)/(?<version>[^/]+)/.+",
      aws_lambda_function.this.environment[0].variables["DEPLOY_GITHUB_PRERELEASES"] == "true",
      aws_lambda_function.this.environment[0].variables["GITHUB_WEBHOOK_SECRET_ID"] == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf",
      aws_lambda_function.this.environment[0].variables["HTTP_BEARER_SECRET_ID"] == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:http-bearer-AbCdEf",
      aws_lambda_function.this.environment[0].variables["DEDUPE_TABLE"] == "connect-deployer-dedupe",
      aws_lambda_function.this.environment[0].variables["DEDUPE_TTL"] == "72h",
      aws_lambda_function.this.environment[0].variables["QUARKUS_LOG_LEVEL"] == "DEBUG",
      aws_lambda_function.this.environment[0].variables["DEPLOY_PROJECT"] == "Demo",
    ])
    error_message = "unexpected environment: ${jsonencode(aws_lambda_function.this.environment[0].variables)}"
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "GITHUB_HANDOFF_TARGET")
    error_message = "no GitHub hand-off without a Function URL, even with the webhook secret"
  }

  assert {
    condition = alltrue([
      aws_dynamodb_table.dedupe[0].hash_key == "id",
      one(aws_dynamodb_table.dedupe[0].attribute).type == "S",
      aws_dynamodb_table.dedupe[0].ttl[0].attribute_name == "expires_at",
      aws_dynamodb_table.dedupe[0].ttl[0].enabled,
    ])
    error_message = "the dedupe table: hash key id (S), TTL on expires_at"
  }
}

run "a_given_secret_is_used_and_none_is_created" {
  command = apply

  variables {
    create_connect_token_secret = false
    connect_token_secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared/connect-XyZ123"
  }

  assert {
    condition     = length(aws_secretsmanager_secret.connect_token) == 0
    error_message = "no secret is created when one is given"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["CONNECT_TOKEN_SECRET_ID"] == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared/connect-XyZ123"
    error_message = "CONNECT_TOKEN_SECRET_ID is the given secret"
  }

  assert {
    condition     = output.connect_token_secret_arn == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared/connect-XyZ123"
    error_message = "the output names the given secret"
  }
}

run "no_secret_at_all_is_refused" {
  command = plan

  variables {
    create_connect_token_secret = false
  }

  expect_failures = [aws_lambda_function.this]
}

run "aot_mode_runs_bootstrap_on_provided_al2023_without_snap_start_or_native_settings" {
  command = apply

  variables {
    runtime_mode = "aot"
  }

  assert {
    condition     = aws_lambda_function.this.runtime == "provided.al2023" && aws_lambda_function.this.handler == "bootstrap"
    error_message = "aot mode: provided.al2023 with handler bootstrap, got ${aws_lambda_function.this.runtime} ${aws_lambda_function.this.handler}"
  }

  assert {
    condition     = length(aws_lambda_function.this.snap_start) == 0
    error_message = "aot mode: SnapStart is for the managed Java runtimes only"
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "DISABLE_SIGNAL_HANDLERS")
    error_message = "DISABLE_SIGNAL_HANDLERS is for native mode only"
  }
}

run "aot_mode_refuses_arm64_since_the_bundled_runtime_is_x86_64" {
  command = plan

  variables {
    runtime_mode = "aot"
    architecture = "arm64"
  }

  expect_failures = [aws_lambda_function.this]
}
