locals {
  function_url_public = var.create_function_url && var.function_url_auth_type == "NONE"

  # Since October 2025 AWS requires both actions for a Function URL call, so each principal gets both.
  function_url_grants = var.create_function_url && var.function_url_auth_type == "AWS_IAM" ? merge([
    for name, principal in var.function_url_invoke_principals : {
      "${name}/url"    = { principal = principal, action = "lambda:InvokeFunctionUrl", statement_id = "AllowFunctionUrl-${name}" }
      "${name}/invoke" = { principal = principal, action = "lambda:InvokeFunction", statement_id = "AllowInvokeForFunctionUrl-${name}" }
    }
  ]...) : {}
}

resource "aws_lambda_function_url" "this" {
  #checkov:skip=CKV_AWS_258:NONE is an explicit input for GitHub webhooks (which cannot sign with SigV4); the function checks the signature or bearer token, and the plan requires reserved concurrency with NONE.
  count = var.create_function_url ? 1 : 0

  function_name      = aws_lambda_function.this.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = var.function_url_auth_type

  dynamic "cors" {
    for_each = var.function_url_cors == null ? [] : [var.function_url_cors]
    content {
      allow_origins     = cors.value.allow_origins
      allow_methods     = cors.value.allow_methods
      allow_headers     = cors.value.allow_headers
      expose_headers    = cors.value.expose_headers
      allow_credentials = cors.value.allow_credentials
      max_age           = cors.value.max_age
    }
  }
  lifecycle {
    precondition {
      condition     = var.function_url_auth_type == "AWS_IAM" || length(var.function_url_invoke_principals) == 0
      error_message = "function_url_invoke_principals: only with function_url_auth_type AWS_IAM (with NONE anyone may call the URL)."
    }
  }

  # With NONE the provider itself adds the public lambda:InvokeFunctionUrl statement
  # (FunctionURLAllowPublicAccess); the lambda:InvokeFunction half is below.
}

resource "aws_lambda_permission" "function_url" {
  for_each = local.function_url_grants

  statement_id           = each.value.statement_id
  action                 = each.value.action
  function_name          = aws_lambda_function.this.function_name
  qualifier              = aws_lambda_alias.live.name
  principal              = each.value.principal
  function_url_auth_type = each.value.action == "lambda:InvokeFunctionUrl" ? "AWS_IAM" : null
}

# NONE: the public lambda:InvokeFunction statement must be limited to Function URL calls
# (lambda:InvokedViaFunctionUrl), or any AWS account could invoke the function directly and skip the
# GitHub/bearer check. hashicorp/aws 5.x cannot express that condition; from 6.28 aws_lambda_function_url adds
# the statement itself (function_url_public_invoke = "provider"). "cli": the script below adds it with the AWS
# CLI, idempotently, on the provider's region and (checked) account, with the profile/role given.
# Plan cannot see this statement (no 5.x data source reads a Lambda resource policy), so a statement removed
# or changed by hand is drift that goes unseen: README "Drift of the cli statement".
locals {
  function_url_public_invoke_cli = local.function_url_public && var.function_url_public_invoke == "cli"
}

resource "terraform_data" "function_url_public_invoke" {
  count = local.function_url_public_invoke_cli ? 1 : 0

  # Everything the script acts on: a change replaces this resource (the script then replaces the statement).
  input = {
    REGION              = local.region
    ACCOUNT_ID          = local.account_id
    FUNCTION_ARN        = aws_lambda_function.this.arn
    QUALIFIER           = aws_lambda_alias.live.name
    STATEMENT_ID        = "AllowPublicInvokeViaFunctionUrlOnly"
    CLI_PROFILE         = var.function_url_cli_profile == null ? "" : var.function_url_cli_profile
    CLI_ASSUME_ROLE_ARN = var.function_url_cli_assume_role_arn == null ? "" : var.function_url_cli_assume_role_arn
    script              = "${path.module}/scripts/function-url-public-invoke.sh"
  }

  provisioner "local-exec" {
    command     = "sh '${self.input.script}' add"
    environment = { for k, v in self.input : k => v if k != "script" }
  }

  # The function is deleted right after; a statement left behind goes with it.
  provisioner "local-exec" {
    when        = destroy
    command     = "sh '${self.input.script}' remove"
    environment = { for k, v in self.input : k => v if k != "script" }
    on_failure  = continue
  }

  depends_on = [aws_lambda_function_url.this]
}
