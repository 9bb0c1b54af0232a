# GITHUB_HANDOFF_TARGET is built from the data sources and the function name (the environment cannot name
# the alias itself); the alias's postcondition catches a built ARN that is not the alias's. Its own file:
# the mocked alias ARN is set when the alias is created, and each file starts from an empty state.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip              = "tests/fixtures/function.zip"
  create_function_url       = true
  github_webhook_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-webhook-AbCdEf"
}

run "the_target_is_built_from_partition_region_account_and_name" {
  command = apply

  variables {
    function_name = "fw-deployer"
  }

  override_data {
    target = data.aws_partition.current
    values = { partition = "aws-cn" }
  }

  override_data {
    target = data.aws_region.current
    values = { id = "cn-north-1", name = "cn-north-1" }
  }

  override_data {
    target = data.aws_caller_identity.current
    values = { account_id = "210987654321" }
  }

  override_resource {
    target = aws_lambda_alias.live
    values = { arn = "arn:aws-cn:lambda:cn-north-1:210987654321:function:fw-deployer:live" }
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["GITHUB_HANDOFF_TARGET"] == "arn:aws-cn:lambda:cn-north-1:210987654321:function:fw-deployer:live"
    error_message = "GITHUB_HANDOFF_TARGET: ${aws_lambda_function.this.environment[0].variables["GITHUB_HANDOFF_TARGET"]}"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : s.resources if s.sid == "HandOffGitHubDeliveriesToOwnAlias"] == [toset(["arn:aws-cn:lambda:cn-north-1:210987654321:function:fw-deployer:live"])]
    error_message = "the statement names the same ARN"
  }
}

# The alias in the state still has the ARN of the run before (aws-cn, fw-deployer); the environment would now
# name connect-deployer in eu-west-1 of account 123456789012.
run "a_target_that_is_not_the_alias_is_caught" {
  command = plan

  expect_failures = [aws_lambda_alias.live]
}
