# Routes: one SSM parameter per route under one path, DEPLOY_ROUTES_PATH in the function's environment, and
# read access to exactly that path; each route refused at plan time when the function would refuse it at start.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip   = "tests/fixtures/function.zip"
  deploy_project = "Demo"
  routes = {
    gateway = {
      priority = 10
      match    = { source = ["s3"], bucket = "firmware-releases", key_prefix = "gateway/" }
      flow_id  = "f-gateway"
      groups   = ["gateways"]
      filters  = [{ type = "tag", operand = "is", value = "gw" }]
    }
    sensor = {
      priority   = 20
      match      = { bucket = "firmware-releases", key_pattern = "sensor/sensor-(?<version>[^/]+)\\.bin" }
      flow_id    = "f-sensor"
      app        = { name = "sensor-fw" }
      parameters = { url = "s3://$${bucket}/$${key}" }
    }
  }
}

run "one_parameter_per_route_under_the_path" {
  command = apply

  assert {
    condition     = { for k, p in aws_ssm_parameter.route : k => [p.name, p.type, p.tier] } == { gateway = ["/connect-deployer/routes/gateway", "String", "Standard"], sensor = ["/connect-deployer/routes/sensor", "String", "Standard"] }
    error_message = "one String parameter per route under /<function_name>/routes: ${jsonencode({ for k, p in aws_ssm_parameter.route : k => p.name })}"
  }

  assert {
    # What the function reads: unset fields left out, not null.
    condition = jsondecode(aws_ssm_parameter.route["sensor"].value) == {
      priority   = 20
      match      = { bucket = "firmware-releases", key_pattern = "sensor/sensor-(?<version>[^/]+)\\.bin" }
      flow_id    = "f-sensor"
      app        = { name = "sensor-fw" }
      parameters = { url = "s3://$${bucket}/$${key}" }
    }
    error_message = "the sensor route's value: ${nonsensitive(aws_ssm_parameter.route["sensor"].value)}"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["DEPLOY_ROUTES_PATH"] == "/connect-deployer/routes" && !contains(keys(aws_lambda_function.this.environment[0].variables), "DEPLOY_ROUTES_TTL")
    error_message = "DEPLOY_ROUTES_PATH names the path; DEPLOY_ROUTES_TTL is left to the function's default"
  }

  assert {
    condition     = [for s in data.aws_iam_policy_document.this.statement : [s.actions, s.resources] if s.sid == "ReadOwnRoutes"] == [[toset(["ssm:GetParametersByPath"]), toset(["arn:aws:ssm:eu-west-1:123456789012:parameter/connect-deployer/routes"])]]
    error_message = "read access to exactly the routes' path: ${jsonencode([for s in data.aws_iam_policy_document.this.statement : [s.sid, s.actions, s.resources]])}"
  }

  assert {
    condition     = length([for s in data.aws_iam_policy_document.this.statement : s if anytrue([for a in s.actions : startswith(a, "kms:")])]) == 0
    error_message = "String parameters need no kms:Decrypt"
  }
}

run "own_path_and_ttl" {
  command = plan

  variables {
    routes_path = "/acme/deployer/routes"
    routes_ttl  = "1m"
  }

  assert {
    condition     = aws_ssm_parameter.route["gateway"].name == "/acme/deployer/routes/gateway" && aws_lambda_function.this.environment[0].variables["DEPLOY_ROUTES_PATH"] == "/acme/deployer/routes" && aws_lambda_function.this.environment[0].variables["DEPLOY_ROUTES_TTL"] == "1m"
    error_message = "routes_path and routes_ttl reach the parameters and the environment"
  }
}

run "without_routes_no_parameter_no_setting_no_ssm_access" {
  command = plan

  variables {
    routes = {}
  }

  assert {
    condition     = length(aws_ssm_parameter.route) == 0 && !contains(keys(aws_lambda_function.this.environment[0].variables), "DEPLOY_ROUTES_PATH")
    error_message = "no routes: no parameter, no DEPLOY_ROUTES_PATH"
  }

  assert {
    condition     = length([for s in data.aws_iam_policy_document.this.statement : s if s.sid == "ReadOwnRoutes"]) == 0
    error_message = "no routes: no ssm:* permission"
  }
}

run "two_routes_with_one_priority" {
  command = plan
  variables {
    routes = {
      a = { priority = 1, flow_id = "f-1" }
      b = { priority = 1, flow_id = "f-2" }
    }
  }
  expect_failures = [var.routes]
}

run "unknown_source" {
  command = plan
  variables {
    routes = { a = { priority = 1, flow_id = "f-1", match = { source = ["ftp"] } } }
  }
  expect_failures = [var.routes]
}

run "bad_filter_operand" {
  command = plan
  variables {
    routes = { a = { priority = 1, flow_id = "f-1", filters = [{ type = "device_state", operand = "is_not", value = "online" }] } }
  }
  expect_failures = [var.routes]
}

run "route_name_with_a_slash" {
  command = plan
  variables {
    routes = { "apps/gateway" = { priority = 1, flow_id = "f-1" } }
  }
  expect_failures = [var.routes]
}

run "route_without_a_flow_and_no_default_flow" {
  command = plan
  variables {
    routes = { a = { priority = 1, match = { source = ["s3"] } } }
  }
  expect_failures = [aws_ssm_parameter.route["a"]]
}

run "path_with_trailing_slash" {
  command = plan
  variables {
    routes_path = "/connect-deployer/routes/"
  }
  expect_failures = [var.routes_path]
}

run "route_over_4_kb_as_written" {
  command = plan
  variables {
    routes = { big = { priority = 1, flow_id = "f-big", parameters = { blob = join("", [for i in range(410) : "0123456789"]) } } }
  }
  expect_failures = [aws_ssm_parameter.route["big"]]
}

run "route_near_4_kb_as_written_fits" {
  command = plan
  variables {
    # 3,900 characters of parameters: the stored JSON fits, though the input with its unset attributes as nulls would not.
    routes = { big = { priority = 1, flow_id = "f-big", parameters = { blob = join("", [for i in range(390) : "0123456789"]) } } }
  }
  assert {
    condition     = length(aws_ssm_parameter.route["big"].value) <= 4096
    error_message = "a route that fits as written is accepted"
  }
}

run "routes_ttl_not_positive" {
  command = plan
  variables {
    routes_ttl = "0s"
  }
  expect_failures = [var.routes_ttl]
}
