# The function's timeout against one Connect attempt: the function refuses to start when
# connect_connect_timeout + connect_read_timeout do not fit in CONNECT_TIME_BUDGET (the timeout less 5 s), so
# the plan refuses such a timeout first. Each refusal also asserts the message, so that another of the
# function's preconditions failing cannot pass for this one.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  function_zip = "tests/fixtures/function.zip"
}

run "the_default_timeout_holds_one_attempt_of_the_default_timeouts" {
  command = plan

  assert {
    condition     = local.connect_attempt_ms == 13000 && local.timeout_for_one_attempt == 18 && local.connect_attempt_fits
    error_message = "3s + 10s = 13000 ms, which needs a timeout of 18 s: ${local.connect_attempt_ms} ms, ${local.timeout_for_one_attempt} s"
  }
}

run "a_timeout_of_17_seconds_is_refused_with_the_default_timeouts" {
  command = plan

  variables {
    timeout = 17
  }

  expect_failures = [aws_lambda_function.this]

  assert {
    condition     = local.timeout_too_short == "timeout (17 s) leaves the function 12 s (CONNECT_TIME_BUDGET: the timeout less 5 s to read the event and the secret and to answer), less than one Connect attempt: connect_connect_timeout (3s) + connect_read_timeout (10s). The function would refuse to start. Raise timeout to at least 18, or lower connect_read_timeout."
    error_message = "the precondition's message: ${local.timeout_too_short}"
  }

  assert {
    condition     = !local.connect_attempt_fits
    error_message = "12 s cannot hold 13 s"
  }
}

run "a_timeout_of_18_seconds_holds_one_attempt_exactly" {
  command = plan

  variables {
    timeout = 18
  }

  assert {
    condition     = local.function_settings["CONNECT_TIME_BUDGET"] == "13s" && local.connect_attempt_fits
    error_message = "CONNECT_TIME_BUDGET is the timeout less 5 s, which holds 13 s"
  }
}

run "the_shortest_timeout_with_shorter_connect_timeouts" {
  command = plan

  variables {
    timeout                 = 10
    connect_connect_timeout = "500ms"
    connect_read_timeout    = "4500ms"
  }

  assert {
    condition     = local.connect_attempt_ms == 5000 && local.connect_attempt_fits
    error_message = "500 ms + 4500 ms fit in 5 s: ${local.connect_attempt_ms} ms"
  }
}

run "a_read_timeout_in_minutes_longer_than_the_budget_is_refused" {
  command = plan

  variables {
    timeout              = 60
    connect_read_timeout = "1m"
  }

  expect_failures = [aws_lambda_function.this]

  assert {
    condition     = local.connect_attempt_ms == 63000 && local.timeout_for_one_attempt == 68
    error_message = "3s + 1m = 63000 ms, which needs 68 s: ${local.connect_attempt_ms} ms, ${local.timeout_for_one_attempt} s"
  }
}

# A dry run never calls Connect; the function does not check it either.
run "a_dry_run_is_not_checked" {
  command = plan

  variables {
    timeout        = 10
    deploy_dry_run = true
  }

  assert {
    condition     = local.connect_attempt_fits
    error_message = "a dry run starts with any timeout"
  }
}
