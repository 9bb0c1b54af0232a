# What the function did, from the metrics its log lines carry (CloudWatch Embedded Metric Format, namespace
# var.metrics_namespace, dimension Service = the function's name): a dashboard and an alarm on the failure rate
# of deployments. Both are off by default (a dashboard beyond the account's free three costs money).

locals {
  metrics_service = var.function_name
  dead_letter     = aws_sqs_queue.dead_letter.name

  # The failure rate over one period: failed and uncertain among the deployments that reached a verdict
  # (created, failed, uncertain); dry runs, duplicates, ignored records and accepted hand-offs do not count.
  # Below the minimum count the rate is 0, so one failure in a quiet hour does not page anyone.
  failure_rate_outcomes = ["created", "failed", "uncertain"]
  failure_rate_expression = join("", [
    "IF((FILL(created,0)+FILL(failed,0)+FILL(uncertain,0)) >= ${var.failure_rate_alarm.minimum_deployments}, ",
    "100*(FILL(failed,0)+FILL(uncertain,0))/(FILL(created,0)+FILL(failed,0)+FILL(uncertain,0)), 0)",
  ])

  # The namespace quoted: it may hold spaces or other characters a search schema takes only in quotes.
  dashboard_search = {
    deployments = "SEARCH('{\"${var.metrics_namespace}\",Outcome,Service,Source} MetricName=\"Deployments\" Service=\"${local.metrics_service}\"', 'Sum', 3600)"
    failures    = "SEARCH('{\"${var.metrics_namespace}\",ErrorType,Service} MetricName=\"Failures\" Service=\"${local.metrics_service}\"', 'Sum', 3600)"
  }

  dashboard_widgets = [
    {
      type = "metric", x = 0, y = 0, width = 12, height = 6
      properties = {
        title   = "Deployments per hour by outcome and source"
        region  = local.region
        view    = "timeSeries"
        stacked = true
        period  = 3600
        stat    = "Sum"
        metrics = [[{ expression = local.dashboard_search.deployments, id = "deployments", label = "" }]]
      }
    },
    {
      type = "metric", x = 12, y = 0, width = 12, height = 6
      properties = {
        title   = "Failed and uncertain deployments per hour by error type"
        region  = local.region
        view    = "timeSeries"
        stacked = true
        period  = 3600
        stat    = "Sum"
        metrics = [[{ expression = local.dashboard_search.failures, id = "failures", label = "" }]]
      }
    },
    {
      type = "metric", x = 0, y = 6, width = 8, height = 6
      properties = {
        title  = "Connect latency per call (ms)"
        region = local.region
        view   = "timeSeries"
        period = 300
        metrics = [
          [var.metrics_namespace, "ConnectLatency", "Service", local.metrics_service, { stat = "p50", label = "p50" }],
          [var.metrics_namespace, "ConnectLatency", "Service", local.metrics_service, { stat = "p99", label = "p99" }],
        ]
      }
    },
    {
      type = "metric", x = 8, y = 6, width = 8, height = 6
      properties = {
        title  = "Connect attempts per deployment"
        region = local.region
        view   = "timeSeries"
        period = 300
        metrics = [
          [var.metrics_namespace, "ConnectAttempts", "Service", local.metrics_service, { stat = "Average", label = "average" }],
          [var.metrics_namespace, "ConnectAttempts", "Service", local.metrics_service, { stat = "Maximum", label = "maximum" }],
          [var.metrics_namespace, "SecretReads", "Service", local.metrics_service, { stat = "Sum", label = "secret reads", yAxis = "right" }],
        ]
      }
    },
    {
      type = "metric", x = 16, y = 6, width = 8, height = 6
      properties = {
        title  = "Throttles: Connect's 429 waits, deployments it rate-limited to the end, Lambda throttles"
        region = local.region
        view   = "timeSeries"
        period = 300
        stat   = "Sum"
        metrics = [
          [var.metrics_namespace, "RateLimitWaits", "Service", local.metrics_service, { label = "429 waits" }],
          [var.metrics_namespace, "Failures", "Service", local.metrics_service, "ErrorType", "ConnectRateLimitedException", { label = "rate-limited to the end" }],
          ["AWS/Lambda", "Throttles", "FunctionName", var.function_name, { label = "Lambda throttles" }],
        ]
      }
    },
    {
      type = "metric", x = 0, y = 12, width = 12, height = 6
      properties = {
        title  = "Async event age (ms): how long events waited for the function"
        region = local.region
        view   = "timeSeries"
        period = 300
        metrics = [
          ["AWS/Lambda", "AsyncEventAge", "FunctionName", var.function_name, { stat = "Maximum", label = "maximum" }],
          ["AWS/Lambda", "AsyncEventAge", "FunctionName", var.function_name, { stat = "Average", label = "average" }],
          ["AWS/Lambda", "AsyncEventsDropped", "FunctionName", var.function_name, { stat = "Sum", label = "dropped", yAxis = "right" }],
        ]
      }
    },
    {
      type = "metric", x = 12, y = 12, width = 12, height = 6
      properties = {
        title  = "Dead-letter queue: events that failed for good"
        region = local.region
        view   = "timeSeries"
        period = 300
        metrics = [
          ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", local.dead_letter, { stat = "Maximum", label = "messages" }],
          ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", local.dead_letter, { stat = "Maximum", label = "oldest (s)", yAxis = "right" }],
        ]
      }
    },
    {
      type = "log", x = 0, y = 18, width = 24, height = 6
      properties = {
        title  = "Last failed and uncertain deployments"
        region = local.region
        view   = "table"
        query = join(" | ", [
          "SOURCE '${local.log_group_name}'",
          "fields @timestamp, mdc.outcome, mdc.source, mdc.project, mdc.app, mdc.app_version, mdc.error_type, mdc.event_id, message",
          "filter mdc.outcome in ['failed', 'uncertain']",
          "sort @timestamp desc",
          "limit 20",
        ])
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  count = var.create_dashboard ? 1 : 0

  dashboard_name = var.function_name
  dashboard_body = jsonencode({ widgets = local.dashboard_widgets })
}

resource "aws_cloudwatch_metric_alarm" "failure_rate" {
  count = var.failure_rate_alarm.create ? 1 : 0

  alarm_name          = "${var.function_name}-deployment-failure-rate"
  alarm_description   = "More than ${var.failure_rate_alarm.threshold_percent}% of ${var.function_name}'s deployments failed or ended uncertain within ${var.failure_rate_alarm.period_seconds / 60} min (with at least ${var.failure_rate_alarm.minimum_deployments}): see the dashboard's error types and the log (mdc.outcome = failed or uncertain)"
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.failure_rate_alarm.threshold_percent
  evaluation_periods  = var.failure_rate_alarm.evaluation_periods
  datapoints_to_alarm = var.failure_rate_alarm.evaluation_periods
  # No deployments, no data: nothing to judge, not a failure.
  treat_missing_data = "notBreaching"
  alarm_actions      = local.alarm_actions
  ok_actions         = local.alarm_actions
  tags               = var.tags

  metric_query {
    id          = "rate"
    expression  = local.failure_rate_expression
    label       = "Failed or uncertain deployments (%)"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = toset(local.failure_rate_outcomes)
    content {
      id = metric_query.value
      metric {
        namespace   = var.metrics_namespace
        metric_name = "Deployments"
        dimensions  = { Service = local.metrics_service, Outcome = metric_query.value }
        period      = var.failure_rate_alarm.period_seconds
        stat        = "Sum"
      }
    }
  }
}
