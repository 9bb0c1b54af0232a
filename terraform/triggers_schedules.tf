# EventBridge Scheduler schedules: Scheduler invokes the alias asynchronously with the schedule's deploy
# event, as its own role (no resource policy on the function), and sends what it cannot deliver to the
# dead-letter queue.
locals {
  schedule_names = { for name in keys(var.schedules) : name => "${var.function_name}-${name}" }
}

data "aws_iam_policy_document" "scheduler_assume_role" {
  count = length(var.schedules) > 0 ? 1 : 0

  statement {
    sid     = "SchedulerAssumesRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  count = length(var.schedules) > 0 ? 1 : 0

  name                 = "${var.function_name}-scheduler"
  description          = "Lets EventBridge Scheduler invoke ${var.function_name}"
  assume_role_policy   = data.aws_iam_policy_document.scheduler_assume_role[0].json
  path                 = var.role_path
  permissions_boundary = var.permissions_boundary
  tags                 = var.tags
}

data "aws_iam_policy_document" "scheduler" {
  count = length(var.schedules) > 0 ? 1 : 0

  statement {
    sid       = "InvokeLiveAlias"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.live.arn]
  }

  statement {
    sid       = "SendUndeliveredEventsToDeadLetterQueue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letter.arn]
  }

  # Schedules encrypted with the customer key (kms_key_arn): Scheduler decrypts their input as this role.
  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      sid       = "DecryptSchedulesWithCustomerKey"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "scheduler" {
  count = length(var.schedules) > 0 ? 1 : 0

  name   = "${var.function_name}-scheduler"
  role   = aws_iam_role.scheduler[0].id
  policy = data.aws_iam_policy_document.scheduler[0].json
}

resource "aws_scheduler_schedule" "this" {
  #checkov:skip=CKV_AWS_297:Encrypted with kms_key_arn when given, with an AWS owned key otherwise; the input is a deploy event, no secret.
  for_each = var.schedules

  name                         = local.schedule_names[each.key]
  description                  = each.value.description
  schedule_expression          = each.value.schedule_expression
  schedule_expression_timezone = each.value.timezone
  state                        = each.value.enabled ? "ENABLED" : "DISABLED"
  kms_key_arn                  = var.kms_key_arn

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.live.arn
    role_arn = aws_iam_role.scheduler[0].arn
    input    = local.deploy_event_inputs["schedule/${each.key}"]

    retry_policy {
      maximum_retry_attempts       = each.value.maximum_retry_attempts
      maximum_event_age_in_seconds = each.value.maximum_event_age_in_seconds
    }

    dead_letter_config {
      arn = aws_sqs_queue.dead_letter.arn
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.schedule_names[each.key]) <= 64
      error_message = "schedules: key \"${each.key}\" makes the schedule name ${local.schedule_names[each.key]} (${length(local.schedule_names[each.key])} characters); Scheduler allows 64. Shorten the key or function_name."
    }
  }

  depends_on = [aws_iam_role_policy.scheduler]
}
