# Issue 15: the dashboard and the deployment failure-rate alarm, both off by default, read the metrics the
# function writes (namespace var.metrics_namespace, Service = the function's name).

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip = "tests/fixtures/function.zip"
}

run "no_dashboard_and_no_failure_rate_alarm_by_default" {
  command = apply

  assert {
    condition     = length(aws_cloudwatch_dashboard.this) == 0 && length(aws_cloudwatch_metric_alarm.failure_rate) == 0
    error_message = "create_dashboard and failure_rate_alarm.create are off by default"
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["METRICS_NAMESPACE"] == "ConnectDeployer" && !contains(keys(aws_lambda_function.this.environment[0].variables), "METRICS_SERVICE")
    error_message = "the function writes to the default namespace, its Service being its own name"
  }

  assert {
    condition     = output.dashboard_name == null && output.failure_rate_alarm_arn == null
    error_message = "no dashboard, no alarm: null outputs"
  }
}

run "dashboard_has_a_widget_for_each_question" {
  command = plan

  variables {
    create_dashboard = true
  }

  assert {
    condition     = aws_cloudwatch_dashboard.this[0].dashboard_name == "connect-deployer"
    error_message = "the dashboard is named after the function"
  }

  assert {
    condition = [for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : w.properties.title] == [
      "Deployments per hour by outcome and source",
      "Failed and uncertain deployments per hour by error type",
      "Connect latency per call (ms)",
      "Connect attempts per deployment",
      "Throttles: Connect's 429 waits, deployments it rate-limited to the end, Lambda throttles",
      "Async event age (ms): how long events waited for the function",
      "Dead-letter queue: events that failed for good",
      "Last failed and uncertain deployments",
    ]
    error_message = "widgets: ${jsonencode([for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : w.properties.title])}"
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[0].properties.metrics[0][0].expression == "SEARCH('{\"ConnectDeployer\",Outcome,Service,Source} MetricName=\"Deployments\" Service=\"connect-deployer\"', 'Sum', 3600)"
    error_message = "deployments per hour: every outcome and source of this function's Deployments metric, summed per hour"
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[1].properties.metrics[0][0].expression == "SEARCH('{\"ConnectDeployer\",ErrorType,Service} MetricName=\"Failures\" Service=\"connect-deployer\"', 'Sum', 3600)"
    error_message = "failures by error type"
  }

  assert {
    condition = [for m in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[2].properties.metrics : [m[0], m[1], m[3], m[4].stat]] == [
      ["ConnectDeployer", "ConnectLatency", "connect-deployer", "p50"],
      ["ConnectDeployer", "ConnectLatency", "connect-deployer", "p99"],
    ]
    error_message = "Connect latency p50 and p99"
  }

  assert {
    condition = [for m in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[6].properties.metrics : [m[0], m[1], m[3]]] == [
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "connect-deployer-dead-letter"],
      ["AWS/SQS", "ApproximateAgeOfOldestMessage", "connect-deployer-dead-letter"],
    ]
    error_message = "the dead-letter queue's depth and age"
  }

  assert {
    condition     = [for m in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[5].properties.metrics : [m[0], m[1], m[3]]][0] == ["AWS/Lambda", "AsyncEventAge", "connect-deployer"]
    error_message = "async event age of the function"
  }

  assert {
    condition     = startswith(jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[7].properties.query, "SOURCE '/aws/lambda/connect-deployer' | fields @timestamp, mdc.outcome")
    error_message = "the log widget reads the function's log group"
  }

  assert {
    condition     = alltrue([for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : w.properties.region == "eu-west-1"])
    error_message = "every widget in the function's region"
  }
}

run "failure_rate_alarm_counts_failed_and_uncertain_among_deployments_with_a_verdict" {
  command = plan

  variables {
    alarm_sns_topic_arn = "arn:aws:sns:eu-west-1:123456789012:ops-alerts"
    failure_rate_alarm  = { create = true }
  }

  assert {
    condition = alltrue([
      aws_cloudwatch_metric_alarm.failure_rate[0].alarm_name == "connect-deployer-deployment-failure-rate",
      aws_cloudwatch_metric_alarm.failure_rate[0].threshold == 20,
      aws_cloudwatch_metric_alarm.failure_rate[0].comparison_operator == "GreaterThanThreshold",
      aws_cloudwatch_metric_alarm.failure_rate[0].evaluation_periods == 1,
      aws_cloudwatch_metric_alarm.failure_rate[0].treat_missing_data == "notBreaching",
      aws_cloudwatch_metric_alarm.failure_rate[0].alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:ops-alerts"]),
    ])
    error_message = "above 20 % in one hour, no data not breaching, notifying the topic"
  }

  assert {
    condition = [for q in aws_cloudwatch_metric_alarm.failure_rate[0].metric_query : q.expression if q.id == "rate"] == [
      "IF((FILL(created,0)+FILL(failed,0)+FILL(uncertain,0)) >= 3, 100*(FILL(failed,0)+FILL(uncertain,0))/(FILL(created,0)+FILL(failed,0)+FILL(uncertain,0)), 0)",
    ]
    error_message = "the rate: failed and uncertain among created, failed and uncertain, 0 below 3 deployments"
  }

  assert {
    condition = { for q in aws_cloudwatch_metric_alarm.failure_rate[0].metric_query : q.id => [q.metric[0].namespace, q.metric[0].metric_name, q.metric[0].dimensions, q.metric[0].period, q.metric[0].stat] if q.id != "rate" } == {
      created   = ["ConnectDeployer", "Deployments", tomap({ Service = "connect-deployer", Outcome = "created" }), 3600, "Sum"]
      failed    = ["ConnectDeployer", "Deployments", tomap({ Service = "connect-deployer", Outcome = "failed" }), 3600, "Sum"]
      uncertain = ["ConnectDeployer", "Deployments", tomap({ Service = "connect-deployer", Outcome = "uncertain" }), 3600, "Sum"]
    }
    error_message = "one hourly sum of Deployments per outcome, by the function's Service and the Outcome dimension"
  }
}

run "a_namespace_and_alarm_settings_of_ones_own" {
  command = apply

  variables {
    metrics_namespace = "Acme/Deploys"
    create_dashboard  = true
    failure_rate_alarm = {
      create              = true
      threshold_percent   = 50
      period_seconds      = 300
      evaluation_periods  = 2
      minimum_deployments = 10
    }
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables["METRICS_NAMESPACE"] == "Acme/Deploys"
    error_message = "the function writes where the dashboard and alarm read"
  }

  assert {
    condition     = toset([for q in aws_cloudwatch_metric_alarm.failure_rate[0].metric_query : [q.metric[0].namespace, q.metric[0].period] if q.id != "rate"]) == toset([["Acme/Deploys", 300]])
    error_message = "the alarm reads the namespace, per period"
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.failure_rate[0].threshold == 50 && aws_cloudwatch_metric_alarm.failure_rate[0].evaluation_periods == 2 && aws_cloudwatch_metric_alarm.failure_rate[0].datapoints_to_alarm == 2
    error_message = "threshold and periods as given"
  }

  assert {
    condition     = strcontains([for q in aws_cloudwatch_metric_alarm.failure_rate[0].metric_query : q.expression if q.id == "rate"][0], ">= 10,")
    error_message = "the minimum count as given"
  }

  assert {
    condition     = strcontains(aws_cloudwatch_dashboard.this[0].dashboard_body, "{\\\"Acme/Deploys\\\",Outcome,Service,Source}")
    error_message = "the dashboard reads the namespace"
  }
}

run "a_reserved_namespace_is_refused" {
  command = plan

  variables {
    metrics_namespace = "AWS/Lambda"
  }

  expect_failures = [var.metrics_namespace]
}

run "a_period_cloudwatch_cannot_alarm_on_is_refused" {
  command = plan

  variables {
    failure_rate_alarm = { create = true, period_seconds = 120 }
  }

  expect_failures = [var.failure_rate_alarm]
}
