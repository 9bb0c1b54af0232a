provider "aws" {
  region = var.region

  default_tags {
    tags = { Application = "connect-deployer" }
  }
}

locals {
  name = "connect-deployer-routes"
  # Each app: its own update flow, S3 folder, GitHub repository and nightly schedule.
  apps = {
    gateway = { flow_id = var.flow_ids.gateway, repository = "${var.github_org}/gateway-firmware", group = "gateways" }
    sensor  = { flow_id = var.flow_ids.sensor, repository = "${var.github_org}/sensor-firmware", group = "sensors" }
    edge    = { flow_id = var.flow_ids.edge, repository = "${var.github_org}/edge-agent", group = "edge" }
  }
}

# One bucket for every app's builds: <app>/<version>/<file>. An S3 bucket has one notification configuration,
# so one function must serve all three apps.
resource "aws_s3_bucket" "builds" {
  bucket_prefix = "${local.name}-builds-"
  force_destroy = true
}

# One GitHub organisation webhook delivers every repository's releases to the Function URL.
resource "aws_secretsmanager_secret" "github_webhook" {
  name                    = "${local.name}/github-webhook"
  description             = "Secret of the GitHub organisation webhook that calls ${local.name}"
  recovery_window_in_days = 0
}

module "connect_deployer" {
  source = "../.."

  function_name = local.name
  function_zip  = var.function_zip
  snap_start    = var.snap_start

  connect_token_secret_recovery_window_in_days = 0

  # Shared by every route: the project, and a guard no route can drop (filters add up).
  deploy_project = var.deploy_project
  deploy_dry_run = var.dry_run
  deploy_filters = [{ type = "device_state", operand = "is", value = "online" }]

  s3_triggers = { builds = { bucket = aws_s3_bucket.builds.bucket } }

  github_webhook_secret_arn = aws_secretsmanager_secret.github_webhook.arn
  create_function_url       = true
  function_url_auth_type    = "NONE"
  # A public URL needs a reservation (README); one is enough for an example.
  reserved_concurrent_executions = 2

  # A nightly schedule per app, without input: its route supplies the app and the "stable" version.
  schedules = { for app in keys(local.apps) : "nightly-${app}" => { schedule_expression = "cron(0 2 * * ? *)" } }

  routes = merge(
    # Uploads: the app's folder in the one bucket (the version comes from the key).
    { for app, a in local.apps : "${app}-uploads" => {
      priority = 10 + index(keys(local.apps), app)
      match    = { source = ["s3"], bucket = aws_s3_bucket.builds.bucket, key_prefix = "${app}/" }
      flow_id  = a.flow_id
      groups   = [a.group]
    } },
    # Releases: the app's repository (the version is the tag).
    { for app, a in local.apps : "${app}-releases" => {
      priority = 20 + index(keys(local.apps), app)
      match    = { source = ["github"], repository = a.repository }
      flow_id  = a.flow_id
      app      = { name = app }
      groups   = [a.group]
    } },
    # Nightly: the app's schedule deploys its stable version to its beta devices.
    { for app, a in local.apps : "${app}-nightly" => {
      priority = 30 + index(keys(local.apps), app)
      match    = { source = ["schedule"], schedule = "${local.name}-nightly-${app}" }
      flow_id  = a.flow_id
      app      = { name = app, version = "stable" }
      filters  = [{ type = "tag", operand = "is", value = "beta" }]
      comment  = "nightly ${app} rollout"
    } },
  )

  tags = { Example = "routes" }
}
