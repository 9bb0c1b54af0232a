# Inputs that would fail at AWS, or inside the function at startup, are refused at plan time.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip = "tests/fixtures/function.zip"
}

run "unknown_runtime_mode" {
  command = plan
  variables { runtime_mode = "graalvm" }
  expect_failures = [var.runtime_mode]
}

run "memory_out_of_range" {
  command = plan
  variables { memory_size = 64 }
  expect_failures = [var.memory_size]
}

# Refused when the function would be created or updated; destroy and S3 mode never read the file.
run "missing_zip" {
  command = plan
  variables { function_zip = "target/does-not-exist.zip" }
  expect_failures = [aws_lambda_function.this]
}

run "schedule_cron_with_five_fields" {
  command = plan
  variables {
    schedules = { nightly = { schedule_expression = "cron(0 2 * * *)" } }
  }
  expect_failures = [var.schedules]
}

run "rule_with_pattern_and_schedule" {
  command = plan
  variables {
    eventbridge_rules = { both = { event_pattern = "{\"source\":[\"x\"]}", schedule_expression = "rate(1 day)" } }
  }
  expect_failures = [var.eventbridge_rules]
}

run "rule_pattern_not_json" {
  command = plan
  variables {
    eventbridge_rules = { bad = { event_pattern = "source = x" } }
  }
  expect_failures = [var.eventbridge_rules]
}

run "secret_name_instead_of_arn" {
  command = plan
  variables {
    create_connect_token_secret = false
    connect_token_secret_arn    = "connect-deployer/token"
  }
  expect_failures = [var.connect_token_secret_arn]
}

run "kms_alias_instead_of_key_arn" {
  command = plan
  variables { kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:alias/connect" }
  expect_failures = [var.kms_key_arn]
}

run "principal_not_an_account_or_arn" {
  command = plan
  variables { function_url_invoke_principals = { ci = "ci-deployer" } }
  expect_failures = [var.function_url_invoke_principals]
}

run "deployment_filter_without_deployment_id" {
  command = plan
  variables {
    deploy_filters = [{ type = "deployment", operand = "is", value = "failed" }]
  }
  expect_failures = [var.deploy_filters]
}

run "same_bucket_twice" {
  command = plan
  variables {
    s3_triggers = {
      a = { bucket = "firmware-uploads", filters = [{ prefix = "a/" }] }
      b = { bucket = "firmware-uploads", filters = [{ prefix = "b/" }] }
    }
  }
  expect_failures = [var.s3_triggers]
}

run "zero_reserved_concurrency" {
  command = plan
  variables { reserved_concurrent_executions = 0 }
  expect_failures = [var.reserved_concurrent_executions]
}
