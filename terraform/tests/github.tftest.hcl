# GitHub webhooks: the hand-off of a verified delivery to an asynchronous invocation of the alias `live`
# (GITHUB_HANDOFF_TARGET and the one lambda:InvokeFunction statement), and the release's maximum age
# (DEPLOY_GITHUB_MAX_AGE), which the dedupe table's TTL must cover.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip              = "tests/fixtures/function.zip"
  create_function_url       = true
  github_webhook_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf"
}

run "github_deliveries_are_handed_off_to_the_alias_live" {
  command = apply

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["GITHUB_HANDOFF_TARGET"] == "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live"
    error_message = "GITHUB_HANDOFF_TARGET is the alias's qualified ARN, got ${jsonencode(lookup(aws_lambda_function.this.environment[0].variables, "GITHUB_HANDOFF_TARGET", null))}"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["GITHUB_HANDOFF_TARGET"] == aws_lambda_alias.live.arn
    error_message = "the built ARN is the alias's own"
  }

  assert {
    condition = [for s in data.aws_iam_policy_document.this.statement : [s.actions, s.resources] if anytrue([for a in s.actions : startswith(a, "lambda:")])] == [
      [toset(["lambda:InvokeFunction"]), toset(["arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live"])],
    ]
    error_message = "exactly one lambda statement, InvokeFunction on the alias: ${jsonencode([for s in data.aws_iam_policy_document.this.statement : [s.sid, s.actions, s.resources]])}"
  }

  assert {
    condition = alltrue([
      aws_lambda_function_event_invoke_config.this.function_name == aws_lambda_function.this.function_name,
      aws_lambda_function_event_invoke_config.this.qualifier == aws_lambda_alias.live.name,
      aws_lambda_function_event_invoke_config.this.maximum_retry_attempts == 2,
      aws_lambda_function_event_invoke_config.this.destination_config[0].on_failure[0].destination == aws_sqs_queue.dead_letter.arn,
    ])
    error_message = "the handed-off event gets the alias's retries and on-failure destination"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DEPLOY_GITHUB_MAX_AGE"] == "72h"
    error_message = "DEPLOY_GITHUB_MAX_AGE defaults to 72h"
  }
}

run "native_mode_hands_off_to_its_alias_live_too" {
  command = apply

  variables {
    runtime_mode = "native"
  }

  assert {
    condition = alltrue([
      aws_lambda_function.this.publish,
      aws_lambda_alias.live.name == "live",
      aws_lambda_alias.live.function_version == aws_lambda_function.this.version,
      aws_lambda_function.this.environment[0].variables["GITHUB_HANDOFF_TARGET"] == "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live",
      aws_lambda_function_event_invoke_config.this.qualifier == "live",
    ])
    error_message = "without SnapStart the version is published and aliased all the same, so the target exists"
  }
}

run "no_hand_off_without_a_function_url" {
  command = plan

  variables {
    create_function_url = false
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "GITHUB_HANDOFF_TARGET")
    error_message = "no Function URL, no GitHub deliveries to hand off"
  }

  assert {
    condition     = !contains([for s in data.aws_iam_policy_document.this.statement : s.sid], "HandOffGitHubDeliveriesToOwnAlias")
    error_message = "no hand-off, no lambda:InvokeFunction statement"
  }
}

run "no_hand_off_without_the_webhook_secret" {
  command = plan

  variables {
    github_webhook_secret_arn = null
    http_bearer_secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:http-bearer-AbCdEf"
  }

  assert {
    condition     = !contains(keys(aws_lambda_function.this.environment[0].variables), "GITHUB_HANDOFF_TARGET")
    error_message = "bearer-token callers are answered synchronously: no hand-off target"
  }

  assert {
    condition     = !contains([for s in data.aws_iam_policy_document.this.statement : s.sid], "HandOffGitHubDeliveriesToOwnAlias")
    error_message = "no hand-off, no lambda:InvokeFunction statement"
  }
}

run "an_iso_max_age_covered_by_the_dedupe_ttl" {
  command = plan

  variables {
    github_max_age      = "PT48H"
    create_dedupe_table = true
    dedupe_ttl          = "2d"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DEPLOY_GITHUB_MAX_AGE"] == "PT48H" && aws_lambda_function.this.environment[0].variables["DEDUPE_TTL"] == "2d"
    error_message = "DEPLOY_GITHUB_MAX_AGE and DEDUPE_TTL as given"
  }

  assert {
    condition     = local.durations_ms == { github_max_age = 172800000, dedupe_ttl = 172800000 }
    error_message = "both are 48 hours: ${jsonencode(local.durations_ms)}"
  }
}

run "a_dedupe_ttl_shorter_than_the_max_age_is_refused" {
  command = plan

  variables {
    create_dedupe_table = true
    dedupe_ttl          = "24h"
  }

  expect_failures = [aws_lambda_function.this]

  assert {
    condition     = local.dedupe_ttl_too_short == "dedupe_ttl (24h) is shorter than github_max_age (72h): with create_dedupe_table the function refuses to start unless DEDUPE_TTL >= DEPLOY_GITHUB_MAX_AGE, so that a GitHub delivery replayed while its release is still accepted finds its entry in the dedupe table. Raise dedupe_ttl or lower github_max_age."
    error_message = "the precondition's message: ${local.dedupe_ttl_too_short}"
  }
}

run "an_iso_max_age_half_a_second_longer_than_the_ttl_is_refused" {
  command = plan

  variables {
    create_dedupe_table = true
    dedupe_ttl          = "2d"
    github_max_age      = "P2DT0.5S"
  }

  expect_failures = [aws_lambda_function.this]
}

run "without_the_dedupe_table_the_ttl_is_not_compared" {
  command = plan

  variables {
    dedupe_ttl     = "1h"
    github_max_age = "30d"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DEPLOY_GITHUB_MAX_AGE"] == "30d" && !contains(keys(aws_lambda_function.this.environment[0].variables), "DEDUPE_TTL")
    error_message = "DEPLOY_GITHUB_MAX_AGE set, DEDUPE_TTL left out without the table"
  }
}

run "max_age_without_a_unit_is_refused" {
  command = plan
  variables { github_max_age = "72" }
  expect_failures = [var.github_max_age]
}

run "zero_max_age_is_refused" {
  command = plan
  variables { github_max_age = "0h" }
  expect_failures = [var.github_max_age]
}

run "empty_iso_max_age_is_refused" {
  command = plan
  variables { github_max_age = "PT" }
  expect_failures = [var.github_max_age]
}

run "iso_max_age_with_a_dangling_t_is_refused" {
  command = plan
  variables { github_max_age = "P3DT" }
  expect_failures = [var.github_max_age]
}

run "a_dedupe_ttl_shorter_than_a_schedules_maximum_event_age_is_refused" {
  command = plan

  variables {
    create_dedupe_table          = true
    github_max_age               = "1h"
    dedupe_ttl                   = "2h"
    maximum_event_age_in_seconds = 3600
    schedules                    = { nightly = { schedule_expression = "cron(0 2 * * ? *)", maximum_event_age_in_seconds = 10800 } }
  }

  expect_failures = [aws_lambda_function.this]

  assert {
    condition     = local.max_event_age_seconds == 10800
    error_message = "the longest maximum event age is the schedule's 3 hours: ${local.max_event_age_seconds}"
  }
}

run "a_dedupe_ttl_covering_every_maximum_event_age_passes" {
  command = plan

  variables {
    connect_api_dialect = "deployments"
    create_dedupe_table = true
    github_max_age      = "1h"
    dedupe_ttl          = "6h"
  }

  assert {
    condition     = local.dedupe_ttl_covers_event_age && aws_lambda_function.this.environment[0].variables["CONNECT_SETTLE_TIME"] == "2s"
    error_message = "6 hours cover Lambda's maximum event age (at most 6 hours); CONNECT_SETTLE_TIME is passed in the deployments dialect"
  }
}
