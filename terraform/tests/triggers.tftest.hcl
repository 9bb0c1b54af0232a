# Each trigger's permission and wiring, all pointing at the alias `live`, and where failed events go.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip   = "tests/fixtures/function.zip"
  deploy_project = "Demo"
  deploy_flow_id = "f-dd0c-73b9"
}

run "no_trigger_without_inputs_but_failed_async_events_go_to_the_dead_letter_queue" {
  command = apply

  assert {
    condition = alltrue([
      length(aws_lambda_permission.s3) == 0,
      length(aws_s3_bucket_notification.this) == 0,
      length(aws_scheduler_schedule.this) == 0,
      length(aws_iam_role.scheduler) == 0,
      length(aws_cloudwatch_event_rule.this) == 0,
      length(aws_lambda_function_url.this) == 0,
      length(aws_lambda_permission.function_url) == 0,
      length(aws_sqs_queue_policy.dead_letter) == 0,
    ])
    error_message = "a trigger was created without being asked for"
  }

  assert {
    condition     = aws_lambda_function_event_invoke_config.this.destination_config[0].on_failure[0].destination == "arn:aws:sqs:eu-west-1:123456789012:connect-deployer-dead-letter"
    error_message = "the on-failure destination must be the dead-letter queue"
  }

  assert {
    condition = alltrue([
      aws_lambda_function_event_invoke_config.this.qualifier == "live",
      aws_lambda_function_event_invoke_config.this.maximum_retry_attempts == 2,
      aws_lambda_function_event_invoke_config.this.maximum_event_age_in_seconds == 21600,
    ])
    error_message = "the async config applies to the alias every trigger invokes, with Lambda's full retries"
  }

  assert {
    condition     = aws_sqs_queue.dead_letter.name == "connect-deployer-dead-letter" && aws_sqs_queue.dead_letter.message_retention_seconds == 1209600
    error_message = "the dead-letter queue keeps events 14 days"
  }

  assert {
    condition     = output.dead_letter_queue_url == "https://sqs.eu-west-1.amazonaws.com/123456789012/connect-deployer-dead-letter"
    error_message = "the dead-letter queue URL is an output"
  }
}

run "s3_buckets_notify_the_alias_with_their_filters" {
  command = apply

  variables {
    s3_triggers = {
      firmware = {
        bucket = "firmware-uploads"
        filters = [
          { prefix = "gateway/", suffix = ".bin" },
          { prefix = "camera/" },
        ]
      }
      releases = { bucket = "release-drops" }
    }
  }

  assert {
    condition = alltrue([for key, bucket in { firmware = "firmware-uploads", releases = "release-drops" } : alltrue([
      aws_lambda_permission.s3[key].action == "lambda:InvokeFunction",
      aws_lambda_permission.s3[key].principal == "s3.amazonaws.com",
      aws_lambda_permission.s3[key].source_arn == "arn:aws:s3:::${bucket}",
      aws_lambda_permission.s3[key].source_account == "123456789012",
      aws_lambda_permission.s3[key].qualifier == "live",
      aws_lambda_permission.s3[key].function_name == "connect-deployer",
    ])])
    error_message = "each bucket may invoke the alias, from this account only"
  }

  assert {
    condition = alltrue([
      length(aws_s3_bucket_notification.this["firmware"].lambda_function) == 2,
      alltrue([for n in aws_s3_bucket_notification.this["firmware"].lambda_function : n.lambda_function_arn == "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live" && n.events == toset(["s3:ObjectCreated:*"])]),
      aws_s3_bucket_notification.this["firmware"].lambda_function[0].filter_prefix == "gateway/",
      aws_s3_bucket_notification.this["firmware"].lambda_function[0].filter_suffix == ".bin",
      aws_s3_bucket_notification.this["firmware"].lambda_function[1].filter_prefix == "camera/",
      aws_s3_bucket_notification.this["firmware"].lambda_function[1].filter_suffix == null,
    ])
    error_message = "one notification per filter, to the alias, for created objects: ${jsonencode(aws_s3_bucket_notification.this["firmware"].lambda_function)}"
  }

  assert {
    condition     = aws_s3_bucket_notification.this["releases"].bucket == "release-drops" && length(aws_s3_bucket_notification.this["releases"].lambda_function) == 1 && aws_s3_bucket_notification.this["releases"].lambda_function[0].filter_prefix == null
    error_message = "a bucket without filters notifies for every key"
  }
}

run "schedules_invoke_the_alias_as_their_role_with_the_deploy_event" {
  command = apply

  variables {
    schedules = {
      nightly = {
        schedule_expression = "cron(0 2 * * ? *)"
        timezone            = "Europe/Berlin"
        input = {
          app     = { version = "v1.4.2" }
          groups  = ["TestGroup1"]
          filters = [{ type = "tag", operand = "is", value = "beta" }]
          comment = "nightly rollout"
        }
      }
      defaults = { schedule_expression = "rate(1 day)", enabled = false }
    }
  }

  assert {
    condition = alltrue([for s in values(aws_scheduler_schedule.this) : alltrue([
      s.target[0].arn == "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live",
      s.target[0].role_arn == aws_iam_role.scheduler[0].arn,
      s.target[0].dead_letter_config[0].arn == "arn:aws:sqs:eu-west-1:123456789012:connect-deployer-dead-letter",
      s.flexible_time_window[0].mode == "OFF",
    ])])
    error_message = "each schedule targets the alias as the scheduler role, with the dead-letter queue"
  }

  assert {
    condition     = aws_scheduler_schedule.this["nightly"].target[0].input == "{\"app\":{\"version\":\"v1.4.2\"},\"comment\":\"nightly rollout\",\"filters\":[{\"operand\":\"is\",\"type\":\"tag\",\"value\":\"beta\"}],\"groups\":[\"TestGroup1\"],\"idempotency_key\":\"schedule:connect-deployer-nightly@<aws.scheduler.scheduled-time>\"}"
    error_message = "the input is the deploy event without null fields, got ${aws_scheduler_schedule.this["nightly"].target[0].input}"
  }

  assert {
    condition = alltrue([
      aws_scheduler_schedule.this["nightly"].name == "connect-deployer-nightly",
      aws_scheduler_schedule.this["nightly"].schedule_expression == "cron(0 2 * * ? *)",
      aws_scheduler_schedule.this["nightly"].schedule_expression_timezone == "Europe/Berlin",
      aws_scheduler_schedule.this["nightly"].state == "ENABLED",
      aws_scheduler_schedule.this["nightly"].target[0].retry_policy[0].maximum_retry_attempts == 3,
      aws_scheduler_schedule.this["defaults"].target[0].input == "{\"idempotency_key\":\"schedule:connect-deployer-defaults@<aws.scheduler.scheduled-time>\"}",
      aws_scheduler_schedule.this["defaults"].state == "DISABLED",
    ])
    error_message = "schedule settings as given"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.scheduler[0].statement : [s.actions, s.resources]] == [[toset(["lambda:InvokeFunction"]), toset(["arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live"])], [toset(["sqs:SendMessage"]), toset(["arn:aws:sqs:eu-west-1:123456789012:connect-deployer-dead-letter"])]]
    error_message = "the scheduler role may invoke the alias and write the dead-letter queue, nothing else"
  }

  assert {
    condition     = one(data.aws_iam_policy_document.scheduler_assume_role[0].statement[0].principals).identifiers == toset(["scheduler.amazonaws.com"]) && toset(one(data.aws_iam_policy_document.scheduler_assume_role[0].statement[0].condition).values) == toset(["123456789012"])
    error_message = "only Scheduler, for this account, assumes the scheduler role"
  }
}

run "eventbridge_rules_target_the_alias_with_permission_and_dead_letter_queue" {
  command = apply

  variables {
    eventbridge_rules = {
      ci-release = {
        event_pattern = "{\"source\":[\"com.example.ci\"],\"detail-type\":[\"Release Published\"]}"
      }
      weekly = {
        schedule_expression = "cron(0 3 ? * MON *)"
        input               = { app = { name = "gateway", version = "stable" }, dry_run = true }
      }
    }
  }

  override_resource {
    target = aws_cloudwatch_event_rule.this["ci-release"]
    values = { arn = "arn:aws:events:eu-west-1:123456789012:rule/connect-deployer-ci-release" }
  }

  override_resource {
    target = aws_cloudwatch_event_rule.this["weekly"]
    values = { arn = "arn:aws:events:eu-west-1:123456789012:rule/connect-deployer-weekly" }
  }

  assert {
    condition = alltrue([for key in ["ci-release", "weekly"] : alltrue([
      aws_cloudwatch_event_target.this[key].arn == "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live",
      aws_cloudwatch_event_target.this[key].rule == "connect-deployer-${key}",
      aws_cloudwatch_event_target.this[key].dead_letter_config[0].arn == "arn:aws:sqs:eu-west-1:123456789012:connect-deployer-dead-letter",
      aws_lambda_permission.eventbridge[key].principal == "events.amazonaws.com",
      aws_lambda_permission.eventbridge[key].action == "lambda:InvokeFunction",
      aws_lambda_permission.eventbridge[key].qualifier == "live",
      aws_lambda_permission.eventbridge[key].source_arn == "arn:aws:events:eu-west-1:123456789012:rule/connect-deployer-${key}",
    ])])
    error_message = "each rule's target is the alias, its permission names that rule, undeliverable events go to the dead-letter queue"
  }

  assert {
    condition     = aws_cloudwatch_event_target.this["ci-release"].input == null && aws_cloudwatch_event_target.this["weekly"].input == "{\"app\":{\"name\":\"gateway\",\"version\":\"stable\"},\"dry_run\":true}"
    error_message = "a rule without input passes the event; with input, the deploy event"
  }

  assert {
    condition = alltrue([
      one(data.aws_iam_policy_document.dead_letter_queue[0].statement[0].principals).identifiers == toset(["events.amazonaws.com"]),
      data.aws_iam_policy_document.dead_letter_queue[0].statement[0].actions == toset(["sqs:SendMessage"]),
      data.aws_iam_policy_document.dead_letter_queue[0].statement[0].resources == toset(["arn:aws:sqs:eu-west-1:123456789012:connect-deployer-dead-letter"]),
      toset(one(data.aws_iam_policy_document.dead_letter_queue[0].statement[0].condition).values) == toset([
        "arn:aws:events:eu-west-1:123456789012:rule/connect-deployer-ci-release",
        "arn:aws:events:eu-west-1:123456789012:rule/connect-deployer-weekly",
      ]),
      aws_sqs_queue_policy.dead_letter[0].queue_url == "https://sqs.eu-west-1.amazonaws.com/123456789012/connect-deployer-dead-letter",
    ])
    error_message = "the queue lets exactly these rules send their undeliverable events"
  }
}

run "iam_function_url_grants_both_actions_to_each_principal" {
  command = apply

  variables {
    create_function_url = true
    function_url_invoke_principals = {
      ci = "arn:aws:iam::210987654321:role/ci-deployer"
    }
  }

  assert {
    condition = alltrue([
      aws_lambda_function_url.this[0].authorization_type == "AWS_IAM",
      aws_lambda_function_url.this[0].qualifier == "live",
      length(aws_lambda_function_url.this[0].cors) == 0,
      output.lambda_function_url == "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/",
    ])
    error_message = "the URL serves the alias with IAM auth and no CORS"
  }

  assert {
    condition = alltrue([
      keys(aws_lambda_permission.function_url) == ["ci/invoke", "ci/url"],
      alltrue([for p in values(aws_lambda_permission.function_url) : p.principal == "arn:aws:iam::210987654321:role/ci-deployer" && p.qualifier == "live"]),
      aws_lambda_permission.function_url["ci/url"].action == "lambda:InvokeFunctionUrl",
      aws_lambda_permission.function_url["ci/url"].function_url_auth_type == "AWS_IAM",
      aws_lambda_permission.function_url["ci/invoke"].action == "lambda:InvokeFunction",
      aws_lambda_permission.function_url["ci/invoke"].function_url_auth_type == null,
    ])
    error_message = "the principal gets lambda:InvokeFunctionUrl and lambda:InvokeFunction on the alias"
  }

  assert {
    condition     = length(terraform_data.function_url_public_invoke) == 0
    error_message = "no public statement with IAM auth"
  }
}

# Planned only: applying would run the AWS CLI (tests/cli_permission_check.py runs the script).
run "public_function_url_limits_invoke_to_url_calls" {
  command = plan

  variables {
    create_function_url            = true
    function_url_auth_type         = "NONE"
    reserved_concurrent_executions = 5
    github_webhook_secret_arn      = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf"
    function_url_cors              = { allow_origins = ["https://example.com"] }
  }

  assert {
    condition     = aws_lambda_function_url.this[0].authorization_type == "NONE" && aws_lambda_function_url.this[0].cors[0].allow_origins == toset(["https://example.com"]) && aws_lambda_function_url.this[0].cors[0].allow_methods == toset(["POST"])
    error_message = "public URL with the CORS given"
  }

  assert {
    condition = terraform_data.function_url_public_invoke[0].input == {
      REGION              = "eu-west-1"
      ACCOUNT_ID          = "123456789012"
      FUNCTION_ARN        = "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer"
      QUALIFIER           = "live"
      STATEMENT_ID        = "AllowPublicInvokeViaFunctionUrlOnly"
      CLI_PROFILE         = ""
      CLI_ASSUME_ROLE_ARN = ""
      script              = "./scripts/function-url-public-invoke.sh"
    }
    error_message = "the script adds the URL-only statement on the alias, in the provider's region and account: ${jsonencode(terraform_data.function_url_public_invoke[0].input)}"
  }
}

run "principals_with_a_public_function_url_are_refused" {
  command = plan

  variables {
    create_function_url            = true
    function_url_auth_type         = "NONE"
    reserved_concurrent_executions = 5
    function_url_invoke_principals = { ci = "210987654321" }
  }

  expect_failures = [aws_lambda_function_url.this]
}

run "alarms_watch_errors_and_the_dead_letter_queue" {
  command = apply

  variables {
    create_alarms       = true
    alarm_sns_topic_arn = "arn:aws:sns:eu-west-1:123456789012:ops-alerts"
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.errors[0].metric_name == "Errors",
      aws_cloudwatch_metric_alarm.errors[0].dimensions == tomap({ FunctionName = "connect-deployer" }),
      aws_cloudwatch_metric_alarm.dead_letter[0].metric_name == "ApproximateNumberOfMessagesVisible",
      aws_cloudwatch_metric_alarm.dead_letter[0].dimensions == tomap({ QueueName = "connect-deployer-dead-letter" }),
      aws_cloudwatch_metric_alarm.errors[0].alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:ops-alerts"]),
      aws_cloudwatch_metric_alarm.dead_letter[0].alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:ops-alerts"]),
    ])
    error_message = "an errors alarm on the function and a messages alarm on the dead-letter queue, to the topic"
  }
}
