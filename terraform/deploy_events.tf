locals {
  # Schedules and rules with an `input` send a deploy event, the JSON the function reads as a direct event.
  # Optional attributes arrive as null; they are left out, since the function reads events strictly.
  deploy_event_inputs = {
    for key, event in merge(
      { for name, schedule in var.schedules : "schedule/${name}" => schedule.input },
      { for name, rule in var.eventbridge_rules : "rule/${name}" => rule.input },
      ) : key => event == null ? "{}" : jsonencode({
        for field, value in {
          project    = event.project
          groups     = event.groups
          filters    = event.filters == null ? null : [for f in event.filters : { for k, v in f : k => v if v != null }]
          flow_id    = event.flow_id
          app        = event.app == null ? null : { for k, v in event.app : k => v if v != null }
          parameters = event.parameters
          comment    = event.comment
          dry_run    = event.dry_run
        } : field => value if value != null
    })
  }
}
