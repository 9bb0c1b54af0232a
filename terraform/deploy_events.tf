locals {
  # Schedules and rules with an `input` send a deploy event, the JSON the function reads as a direct event.
  deploy_events = merge(
    { for name, schedule in var.schedules : "schedule/${name}" => schedule.input },
    { for name, rule in var.eventbridge_rules : "rule/${name}" => rule.input },
  )

  # Optional attributes arrive as null; they are left out, since the function reads events strictly. An absent
  # input (null) has no fields to read: try() makes it {}.
  deploy_event_fields = {
    for key, event in local.deploy_events : key => try({
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
    }, {})
  }

  # A schedule's event is keyed on the schedule and its scheduled time (Scheduler fills in the context attribute
  # per firing): a redelivered firing is a duplicate, the next firing is not.
  deploy_event_keys = {
    for key in keys(local.deploy_events) : key => {
      for field, value in {
        idempotency_key = "schedule:${var.function_name}-${trimprefix(key, "schedule/")}@<aws.scheduler.scheduled-time>"
      } : field => value if startswith(key, "schedule/")
    }
  }

  # jsonencode writes < and > as \u003c and \u003e, which would hide the context attribute from Scheduler; both
  # are valid JSON as they are.
  deploy_event_inputs = {
    for key in keys(local.deploy_events) : key => replace(replace(
    jsonencode(merge(local.deploy_event_fields[key], local.deploy_event_keys[key])), "\\u003c", "<"), "\\u003e", ">")
  }
}
