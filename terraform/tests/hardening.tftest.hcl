# What a platform team's review asks for (issue 12): the code from S3, names within AWS's limits, a public URL
# only with a concurrency limit, the public invoke statement's three ways, the alarms for failures that would
# go unseen, the customer key everywhere, role path/boundary, code signing, an existing log group, outputs.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip = "tests/fixtures/function.zip"
}

run "code_from_s3_needs_no_local_zip" {
  command = plan

  variables {
    function_zip = null
    function_s3 = {
      bucket           = "artifacts-eu-west-1"
      key              = "connect-deployer/1.2.0/function.zip"
      version          = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"
      source_code_hash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    }
  }

  assert {
    condition = alltrue([
      aws_lambda_function.this.filename == null,
      aws_lambda_function.this.s3_bucket == "artifacts-eu-west-1",
      aws_lambda_function.this.s3_key == "connect-deployer/1.2.0/function.zip",
      aws_lambda_function.this.s3_object_version == "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
      aws_lambda_function.this.source_code_hash == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    ])
    error_message = "the function's code is the S3 object, its hash the one given"
  }
}

run "code_from_s3_with_a_zip_path_that_does_not_exist_anywhere" {
  command = plan

  variables {
    function_zip = null
    function_s3  = { bucket = "artifacts-eu-west-1", key = "function.zip" }
  }

  assert {
    condition     = aws_lambda_function.this.s3_key == "function.zip" && aws_lambda_function.this.s3_object_version == null
    error_message = "a plan in S3 mode never needs target/function.zip"
  }
}

run "zip_and_s3_together_are_refused" {
  command = plan

  variables {
    function_s3 = { bucket = "artifacts-eu-west-1", key = "function.zip" }
  }

  expect_failures = [aws_lambda_function.this]
}

run "neither_zip_nor_s3_is_refused" {
  command = plan

  variables {
    function_zip = null
  }

  expect_failures = [aws_lambda_function.this]
}

run "s3_url_instead_of_bucket_is_refused" {
  command = plan

  variables {
    function_zip = null
    function_s3  = { bucket = "s3://artifacts", key = "function.zip" }
  }

  expect_failures = [var.function_s3]
}

run "function_timeout_is_passed_to_the_function" {
  command = apply

  variables {
    timeout = 120
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["FUNCTION_TIMEOUT"] == "120s" && aws_lambda_function.this.timeout == 120
    error_message = "FUNCTION_TIMEOUT is the function's timeout as a duration"
  }
}

# 54 characters: the longest function_name; "-" plus a 10-character key makes 65.
run "schedule_name_over_64_characters_names_the_key" {
  command = plan

  variables {
    function_name = "connect-deployer-for-the-firmware-of-all-our-gateway-x"
    schedules     = { nightly-ab = { schedule_expression = "rate(1 day)" }, ok = { schedule_expression = "rate(1 day)" } }
  }

  expect_failures = [aws_scheduler_schedule.this["nightly-ab"]]
}

run "rule_name_over_64_characters_names_the_key" {
  command = plan

  variables {
    function_name     = "connect-deployer-for-the-firmware-of-all-our-gateway-x"
    eventbridge_rules = { ci-release = { event_pattern = "{\"source\":[\"ci\"]}" }, ok = { event_pattern = "{\"source\":[\"ci\"]}" } }
  }

  expect_failures = [aws_cloudwatch_event_rule.this["ci-release"]]
}

run "names_of_exactly_64_characters_pass" {
  command = plan

  variables {
    function_name     = "connect-deployer-for-the-firmware-of-all-our-gateway-x"
    schedules         = { nightly-a = { schedule_expression = "rate(1 day)" } }
    eventbridge_rules = { release-a = { event_pattern = "{\"source\":[\"ci\"]}" } }
  }

  assert {
    condition     = length(aws_scheduler_schedule.this["nightly-a"].name) == 64 && length(aws_cloudwatch_event_rule.this["release-a"].name) == 64 && length(aws_iam_role.scheduler[0].name) == 64
    error_message = "64 characters are allowed, for the schedule, the rule and the -scheduler role"
  }
}

run "s3_trigger_key_with_a_space_is_refused" {
  command = plan

  variables {
    s3_triggers = { "my uploads" = { bucket = "firmware-uploads" } }
  }

  expect_failures = [var.s3_triggers]
}

run "public_url_without_a_concurrency_limit_is_refused" {
  command = plan

  variables {
    create_function_url    = true
    function_url_auth_type = "NONE"
  }

  expect_failures = [aws_lambda_function.this]
}

run "public_url_without_a_limit_with_the_explicit_override" {
  command = plan

  variables {
    create_function_url                                    = true
    function_url_auth_type                                 = "NONE"
    allow_public_function_url_without_reserved_concurrency = true
  }

  assert {
    condition     = aws_lambda_function.this.reserved_concurrent_executions == -1 && aws_lambda_function_url.this[0].authorization_type == "NONE"
    error_message = "the override lets a public URL run without a reservation"
  }
}

run "iam_url_needs_no_limit" {
  command = plan

  variables {
    create_function_url = true
  }

  assert {
    condition     = aws_lambda_function_url.this[0].authorization_type == "AWS_IAM"
    error_message = "only NONE requires a reservation"
  }
}

run "public_invoke_statement_left_to_provider_6_28" {
  command = plan

  variables {
    create_function_url            = true
    function_url_auth_type         = "NONE"
    reserved_concurrent_executions = 5
    function_url_public_invoke     = "provider"
  }

  assert {
    condition     = length(terraform_data.function_url_public_invoke) == 0 && length(aws_lambda_permission.function_url) == 0
    error_message = "provider >= 6.28 adds the statement with the URL: the module adds none, so there is no duplicate"
  }
}

run "public_invoke_statement_with_the_providers_profile_and_role" {
  command = plan

  variables {
    create_function_url              = true
    function_url_auth_type           = "NONE"
    reserved_concurrent_executions   = 5
    function_url_cli_profile         = "deploy"
    function_url_cli_assume_role_arn = "arn:aws:iam::123456789012:role/terraform"
  }

  assert {
    condition     = terraform_data.function_url_public_invoke[0].input.CLI_PROFILE == "deploy" && terraform_data.function_url_public_invoke[0].input.CLI_ASSUME_ROLE_ARN == "arn:aws:iam::123456789012:role/terraform"
    error_message = "the script gets the profile and the role to assume"
  }
}

run "unknown_public_invoke_mode_is_refused" {
  command = plan

  variables {
    function_url_public_invoke = "sdk"
  }

  expect_failures = [var.function_url_public_invoke]
}

run "alarms_for_failures_that_would_go_unseen" {
  command = apply

  variables {
    create_alarms             = true
    alarm_sns_topic_arn       = "arn:aws:sns:eu-west-1:123456789012:ops-alerts"
    alarm_throttles_threshold = 5
  }

  assert {
    condition = { for k, a in aws_cloudwatch_metric_alarm.lambda : k => [a.alarm_name, a.namespace, a.metric_name, a.dimensions, a.statistic, a.threshold, a.comparison_operator, a.alarm_actions] } == {
      destination_delivery_failures = ["connect-deployer-destination-delivery-failures", "AWS/Lambda", "DestinationDeliveryFailures", tomap({ FunctionName = "connect-deployer" }), "Sum", 1, "GreaterThanOrEqualToThreshold", toset(["arn:aws:sns:eu-west-1:123456789012:ops-alerts"])]
      async_events_dropped          = ["connect-deployer-async-events-dropped", "AWS/Lambda", "AsyncEventsDropped", tomap({ FunctionName = "connect-deployer" }), "Sum", 1, "GreaterThanOrEqualToThreshold", toset(["arn:aws:sns:eu-west-1:123456789012:ops-alerts"])]
      throttles                     = ["connect-deployer-throttles", "AWS/Lambda", "Throttles", tomap({ FunctionName = "connect-deployer" }), "Sum", 5, "GreaterThanOrEqualToThreshold", toset(["arn:aws:sns:eu-west-1:123456789012:ops-alerts"])]
    }
    error_message = "alarms: ${jsonencode({ for k, a in aws_cloudwatch_metric_alarm.lambda : k => [a.alarm_name, a.metric_name, a.threshold] })}"
  }

  assert {
    condition     = toset(keys(output.alarm_arns)) == toset(["async_events_dropped", "dead_letter", "destination_delivery_failures", "errors", "throttles"])
    error_message = "alarm_arns names all five"
  }
}

run "no_alarms_by_default" {
  command = plan

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.lambda) == 0 && output.alarm_arns == {}
    error_message = "create_alarms is off by default"
  }
}

run "customer_key_encrypts_log_group_table_and_schedules" {
  command = apply

  variables {
    kms_key_arn         = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    create_dedupe_table = true
    schedules           = { nightly = { schedule_expression = "cron(0 2 * * ? *)" } }
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_log_group.this[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      aws_dynamodb_table.dedupe[0].server_side_encryption[0].enabled,
      aws_dynamodb_table.dedupe[0].server_side_encryption[0].kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      aws_scheduler_schedule.this["nightly"].kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      aws_lambda_function.this.kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ])
    error_message = "the customer key encrypts the log group, the table, the schedules and the environment"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.scheduler[0].statement : [s.actions, s.resources] if s.sid == "DecryptSchedulesWithCustomerKey"] == [[toset(["kms:Decrypt"]), toset(["arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"])]]
    error_message = "the Scheduler role may decrypt with the key, and nothing else with KMS"
  }
}

run "without_a_key_aws_owned_encryption" {
  command = plan

  variables {
    create_dedupe_table = true
    schedules           = { nightly = { schedule_expression = "cron(0 2 * * ? *)" } }
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_log_group.this[0].kms_key_id == null,
      !aws_dynamodb_table.dedupe[0].server_side_encryption[0].enabled,
      aws_scheduler_schedule.this["nightly"].kms_key_arn == null,
      length([for s in data.aws_iam_policy_document.scheduler[0].statement : s if s.sid == "DecryptSchedulesWithCustomerKey"]) == 0,
    ])
    error_message = "no key, no customer key anywhere"
  }
}

run "role_path_boundary_and_code_signing" {
  command = plan

  variables {
    role_path               = "/service-roles/"
    permissions_boundary    = "arn:aws:iam::123456789012:policy/org-boundary"
    code_signing_config_arn = "arn:aws:lambda:eu-west-1:123456789012:code-signing-config:csc-0123456789abcdef0"
    schedules               = { nightly = { schedule_expression = "cron(0 2 * * ? *)" } }
  }

  assert {
    condition = alltrue([
      aws_iam_role.this.path == "/service-roles/",
      aws_iam_role.this.permissions_boundary == "arn:aws:iam::123456789012:policy/org-boundary",
      aws_iam_role.scheduler[0].path == "/service-roles/",
      aws_iam_role.scheduler[0].permissions_boundary == "arn:aws:iam::123456789012:policy/org-boundary",
      aws_lambda_function.this.code_signing_config_arn == "arn:aws:lambda:eu-west-1:123456789012:code-signing-config:csc-0123456789abcdef0",
    ])
    error_message = "both roles get the path and the boundary; the function the code signing config"
  }
}

run "role_path_without_slashes_is_refused" {
  command = plan

  variables {
    role_path = "service-roles"
  }

  expect_failures = [var.role_path]
}

run "existing_log_group_is_named_not_created" {
  command = apply

  variables {
    create_log_group    = false
    create_dedupe_table = true
  }

  assert {
    condition     = length(aws_cloudwatch_log_group.this) == 0
    error_message = "create_log_group = false creates no log group"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.resources if s.sid == "WriteOwnLogs"] == [toset(["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/connect-deployer:*"])]
    error_message = "the role still writes exactly that log group"
  }

  assert {
    condition = alltrue([
      output.log_group_name == "/aws/lambda/connect-deployer",
      output.log_group_arn == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/connect-deployer",
      output.lambda_role_name == aws_iam_role.this.name,
      output.dedupe_table_arn == "arn:aws:dynamodb:eu-west-1:123456789012:table/connect-deployer-dedupe",
    ])
    error_message = "outputs: log group name and ARN, role name, table ARN"
  }
}
