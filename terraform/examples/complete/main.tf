provider "aws" {
  region = var.region

  default_tags {
    tags = { Application = "connect-deployer" }
  }
}

locals {
  name = "connect-deployer"
}

################################################################################
# What the triggers need around the function
################################################################################

# Firmware builds land here; S3 notifies the function directly (this configuration owns the bucket's
# notification configuration).
resource "aws_s3_bucket" "uploads" {
  bucket_prefix = "${local.name}-uploads-"
  force_destroy = true
}

# A bucket whose notification configuration belongs to someone else reaches the function through
# EventBridge instead: here it only turns on "Send notifications to EventBridge".
resource "aws_s3_bucket" "releases" {
  bucket_prefix = "${local.name}-releases-"
  force_destroy = true
}

resource "aws_s3_bucket_notification" "releases_to_eventbridge" {
  count = var.releases_bucket_to_eventbridge ? 1 : 0

  bucket      = aws_s3_bucket.releases.id
  eventbridge = true
}

# Guards of the public Function URL, created empty like the Connect token (README: fill them). An example is
# destroyed and applied again: without a recovery window the same names are free at once.
resource "aws_secretsmanager_secret" "github_webhook" {
  name                    = "${local.name}/github-webhook"
  description             = "Secret of the GitHub webhook that calls ${local.name}"
  recovery_window_in_days = 0
}

resource "aws_secretsmanager_secret" "http_bearer" {
  name                    = "${local.name}/http-bearer"
  description             = "Bearer token CI jobs send to the ${local.name} Function URL"
  recovery_window_in_days = 0
}

resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

################################################################################
# The function and every trigger
################################################################################

module "connect_deployer" {
  source = "../.."

  function_name                  = local.name
  function_zip                   = var.function_zip
  runtime_mode                   = var.runtime_mode
  snap_start                     = var.snap_start
  architecture                   = "x86_64"
  memory_size                    = 512
  timeout                        = 60
  reserved_concurrent_executions = var.reserved_concurrent_executions

  # The public URL needs a reservation; -1 only with this explicit choice (README).
  allow_public_function_url_without_reserved_concurrency = var.allow_public_function_url_without_reserved_concurrency

  connect_token_secret_recovery_window_in_days = 0

  deploy_project    = var.deploy_project
  deploy_flow_id    = var.deploy_flow_id
  deploy_groups     = ["TestGroup1"]
  deploy_filters    = [{ type = "device_state", operand = "is", value = "online" }]
  deploy_parameters = { username = "ubuntu", conf_path = "/etc/gateway/settings.conf" }

  github_webhook_secret_arn = aws_secretsmanager_secret.github_webhook.arn
  http_bearer_secret_arn    = aws_secretsmanager_secret.http_bearer.arn

  # S3 -> Lambda: firmware/<app>/<version>/<file> deploys <app> <version> (the default key pattern).
  s3_triggers = {
    uploads = {
      bucket  = aws_s3_bucket.uploads.bucket
      filters = [{ prefix = "firmware/" }]
    }
  }

  # EventBridge Scheduler: a nightly rollout of the beta channel, Berlin time.
  schedules = {
    nightly-beta = {
      schedule_expression = "cron(0 2 * * ? *)"
      timezone            = "Europe/Berlin"
      description         = "Nightly rollout to beta devices"
      input = {
        app     = { name = "gateway", version = "nightly" }
        filters = [{ type = "tag", operand = "is", value = "beta" }]
        comment = "nightly beta rollout"
      }
    }
  }

  eventbridge_rules = {
    # What a CI job puts: aws events put-events --entries '[{"Source":"com.example.ci", ...}]'
    ci-release = {
      description = "Release events from CI; the detail is a deploy event"
      event_pattern = jsonencode({
        source        = ["com.example.ci"]
        "detail-type" = ["Release Published"]
      })
    }
    # S3 Object Created through EventBridge, for the bucket whose notifications are owned elsewhere.
    s3-releases = {
      description = "New objects in the releases bucket"
      event_pattern = jsonencode({
        source        = ["aws.s3"]
        "detail-type" = ["Object Created"]
        detail        = { bucket = { name = [aws_s3_bucket.releases.bucket] } }
      })
    }
  }

  # Public URL for GitHub release webhooks and bearer-token callers; the function checks both.
  create_function_url    = true
  function_url_auth_type = "NONE"

  create_alarms       = true
  alarm_sns_topic_arn = aws_sns_topic.alarms.arn

  # What it did: the dashboard, and an alarm when more than 20 % of an hour's deployments (at least 3) fail.
  create_dashboard   = true
  failure_rate_alarm = { create = true }

  create_dedupe_table = true

  tags = { Example = "complete" }
}
