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
# GitHub/bearer check. aws_lambda_permission has `invoked_via_function_url` only from provider 6.x; this
# module supports 5.100, so the AWS CLI adds the statement. With provider 6.x, replace this by an
# aws_lambda_permission with principal "*" and invoked_via_function_url = true.
resource "terraform_data" "function_url_public_invoke" {
  count = local.function_url_public && var.function_url_public_invoke_with_cli ? 1 : 0

  input = {
    region        = data.aws_region.current.name
    function_name = aws_lambda_function.this.function_name
    qualifier     = aws_lambda_alias.live.name
    statement_id  = "AllowPublicInvokeViaFunctionUrlOnly"
  }

  provisioner "local-exec" {
    command = join(" ", [
      "aws lambda add-permission --output text --query Statement",
      "--region ${self.input.region} --function-name ${self.input.function_name} --qualifier ${self.input.qualifier}",
      "--statement-id ${self.input.statement_id} --action lambda:InvokeFunction --principal '*' --invoked-via-function-url",
    ])
  }

  provisioner "local-exec" {
    when = destroy
    command = join(" ", [
      "aws lambda remove-permission",
      "--region ${self.input.region} --function-name ${self.input.function_name} --qualifier ${self.input.qualifier}",
      "--statement-id ${self.input.statement_id}",
    ])
    on_failure = continue # already gone with the function
  }

  depends_on = [aws_lambda_function_url.this]
}
