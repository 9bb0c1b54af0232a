# Routes: one SSM parameter per route under one path, read by the function with GetParametersByPath at start
# and again every routes_ttl (DEPLOY_ROUTES_PATH). Plain String parameters: a route holds flows, groups and
# filters, no secret, so no KMS key and no kms:Decrypt. Standard tier (free, 4 KB a parameter).
locals {
  routes_path = coalesce(var.routes_path, "/${var.function_name}/routes")
  # The path as IAM names it for GetParametersByPath: the parameter ARN of the path itself.
  routes_path_arn = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter${local.routes_path}"
  # What the function reads: the route without its unset fields (null is not "absent" to its strict reader).
  route_values = {
    for name, r in var.routes : name => merge(
      { priority = r.priority },
      length({ for k, v in r.match : k => v if v != null }) > 0 ? { match = { for k, v in r.match : k => v if v != null } } : {},
      { for k, v in {
        project    = r.project
        flow_id    = r.flow_id
        app        = r.app == null ? null : { for k, v in r.app : k => v if v != null }
        groups     = r.groups
        filters    = r.filters == null ? null : [for f in r.filters : { for k, v in f : k => v if v != null }]
        parameters = r.parameters
        comment    = r.comment
        dry_run    = r.dry_run
      } : k => v if v != null },
    )
  }
}

resource "aws_ssm_parameter" "route" {
  for_each = var.routes

  name        = "${local.routes_path}/${each.key}"
  description = "Route ${each.key} of ${var.function_name} (priority ${each.value.priority})"
  type        = "String"
  tier        = "Standard"
  value       = jsonencode(local.route_values[each.key])
  tags        = var.tags

  lifecycle {
    precondition {
      # The function refuses to start with a route that names no flow when DEPLOY_FLOW_ID does not either.
      condition     = each.value.flow_id != null || var.deploy_flow_id != null
      error_message = "routes.${each.key}: no flow_id, and deploy_flow_id is not set: give the route its flow_id."
    }
    precondition {
      # SSM's standard tier holds 4 KB a parameter: the value as written, without the unset attributes.
      condition     = length(jsonencode(local.route_values[each.key])) <= 4096
      error_message = "routes.${each.key}: at most 4 KB as JSON (an SSM standard parameter); split it into two routes."
    }
    precondition {
      condition     = each.value.project != null || var.deploy_project != null
      error_message = "routes.${each.key}: no project, and deploy_project is not set: give the route its project."
    }
  }
}
