# Least privilege: every statement of every policy names its resources. The only exceptions, named here:
# X-Ray's write actions (they take no resource, so `*`) and the function's own log streams (`<log group>:*`).

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip              = "tests/fixtures/function.zip"
  deploy_project            = "Demo"
  deploy_flow_id            = "f-dd0c-73b9"
  github_webhook_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf"
  http_bearer_secret_arn    = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:http-bearer-AbCdEf"
  kms_key_arn               = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  create_dedupe_table       = true
  create_function_url       = true
  function_url_auth_type    = "AWS_IAM"
  s3_triggers               = { uploads = { bucket = "firmware-uploads" } }
  schedules                 = { nightly = { schedule_expression = "cron(0 2 * * ? *)" } }
  eventbridge_rules         = { ci = { event_pattern = "{\"source\":[\"com.example.ci\"]}" } }
  create_alarms             = true
}

run "every_feature_on_and_no_wildcard_resource" {
  command = apply

  assert {
    condition = alltrue([
      for s in flatten([
        data.aws_iam_policy_document.this.statement,
        data.aws_iam_policy_document.scheduler[0].statement,
        data.aws_iam_policy_document.dead_letter_queue[0].statement,
      ]) : alltrue([for r in s.resources : !strcontains(r, "*") || r == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/connect-deployer:*"])
    ])
    error_message = "a statement's resources hold a wildcard"
  }

  assert {
    condition = { for s in data.aws_iam_policy_document.this.statement : s.sid => [s.actions, s.resources] } == {
      WriteOwnLogs = [
        toset(["logs:CreateLogStream", "logs:PutLogEvents"]),
        toset(["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/connect-deployer:*"]),
      ]
      ReadOwnSecrets = [
        toset(["secretsmanager:GetSecretValue"]),
        toset([
          "arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect-deployer/token-AbCdEf",
          "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf",
          "arn:aws:secretsmanager:eu-west-1:123456789012:secret:http-bearer-AbCdEf",
        ]),
      ]
      SendFailedEventsToDeadLetterQueue = [
        toset(["sqs:SendMessage"]),
        toset(["arn:aws:sqs:eu-west-1:123456789012:connect-deployer-dead-letter"]),
      ]
      HandOffGitHubDeliveriesToOwnAlias = [
        toset(["lambda:InvokeFunction"]),
        toset(["arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live"]),
      ]
      DecryptWithCustomerKey = [
        toset(["kms:Decrypt"]),
        toset(["arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
      ]
      UseOwnDedupeTable = [
        toset(["dynamodb:PutItem", "dynamodb:DeleteItem"]),
        toset(["arn:aws:dynamodb:eu-west-1:123456789012:table/connect-deployer-dedupe"]),
      ]
    }
    error_message = "the function role's statements: ${jsonencode([for s in data.aws_iam_policy_document.this.statement : [s.sid, s.actions, s.resources]])}"
  }

  assert {
    condition     = alltrue([for s in data.aws_iam_policy_document.this.statement : coalesce(s.effect, "Allow") == "Allow" && try(length(s.not_actions), 0) == 0 && try(length(s.not_resources), 0) == 0 && try(length(s.condition), 0) == 0])
    error_message = "only plain Allow statements (no NotAction/NotResource)"
  }

  assert {
    condition     = aws_iam_role_policy.this.role == aws_iam_role.this.id && one(data.aws_iam_policy_document.assume_role.statement[0].principals).identifiers == toset(["lambda.amazonaws.com"])
    error_message = "the policy is on the function's role, which only Lambda assumes"
  }

  assert {
    condition     = aws_secretsmanager_secret.connect_token[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" && aws_lambda_function.this.kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "the customer key encrypts the secret and the environment"
  }
}

run "without_customer_key_no_kms_statement" {
  command = apply

  variables {
    kms_key_arn         = null
    create_dedupe_table = false
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.sid] == ["WriteOwnLogs", "ReadOwnSecrets", "SendFailedEventsToDeadLetterQueue", "HandOffGitHubDeliveriesToOwnAlias"]
    error_message = "no KMS or DynamoDB statement without a key or table: ${jsonencode([for s in data.aws_iam_policy_document.this.statement : s.sid])}"
  }
}

run "without_github_webhooks_the_role_may_not_invoke_lambda" {
  command = apply

  variables {
    github_webhook_secret_arn = null
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.sid if anytrue([for a in s.actions : startswith(a, "lambda:")])] == []
    error_message = "no lambda:* action without the GitHub hand-off: ${jsonencode([for s in data.aws_iam_policy_document.this.statement : s.sid])}"
  }
}

run "active_tracing_is_the_only_wildcard" {
  command = apply

  variables {
    tracing_mode = "Active"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.sid if contains(s.resources, "*")] == ["XRayTraces"]
    error_message = "only the X-Ray statement may name `*`"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.actions if s.sid == "XRayTraces"] == [toset(["xray:PutTraceSegments", "xray:PutTelemetryRecords"])]
    error_message = "the X-Ray statement holds only X-Ray's write actions"
  }

  assert {
    condition     = aws_lambda_function.this.tracing_config[0].mode == "Active"
    error_message = "tracing is on"
  }
}
