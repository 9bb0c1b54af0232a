#!/usr/bin/env python3
"""Checks, through the AWS APIs of moto_server, that examples/complete created what it should.

Usage: moto_check_complete.py <endpoint URL> <outputs.json from `terraform output -json`>
       moto_check_complete.py <endpoint URL> --destroyed
       moto_check_complete.py <endpoint URL> --one-public-statement
Exit 0 when every check passes; otherwise each failed check is printed and the exit code is 1.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

FUNCTION = "connect-deployer"
ALIAS = "live"


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def equal(self, what, actual, expected):
        if actual == expected:
            self.passed += 1
        else:
            self.failures.append(f"{what}: expected {expected!r}, got {actual!r}")

    def true(self, what, condition, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failures.append(f"{what} {detail}".strip())

    def run(self, groups, aws, out):
        for group in groups:
            try:
                group(self, aws, out)
            except ClientError as error:  # a missing resource fails its group, the others still run
                self.true(group.__name__, False, f"stopped: {error}")

    def finish(self):
        """Prints each failure and the counts; the exit code."""
        for failure in self.failures:
            print(f"FAILED: {failure}")
        print(f"{self.passed} checks passed, {len(self.failures)} failed")
        return 1 if self.failures else 0


def clients(endpoint):
    def client(service):
        return boto3.client(service, endpoint_url=endpoint, region_name="eu-west-1",
                            aws_access_key_id="testing", aws_secret_access_key="testing")
    return client


def policy_statements(document):
    document = json.loads(document) if isinstance(document, str) else document
    statements = document["Statement"]
    return statements if isinstance(statements, list) else [statements]


def as_list(value):
    return value if isinstance(value, list) else [value]


def check_function(c, aws, out):
    lam = aws("lambda")
    config = lam.get_function(FunctionName=FUNCTION)["Configuration"]
    c.equal("runtime", config["Runtime"], "java21")
    c.equal("handler", config["Handler"], "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest")
    c.equal("memory", config["MemorySize"], 512)
    c.equal("timeout", config["Timeout"], 60)
    c.equal("architectures", config["Architectures"], ["x86_64"])
    c.equal("role", config["Role"], f"arn:aws:iam::123456789012:role/{FUNCTION}")
    env = config["Environment"]["Variables"]
    c.equal("CONNECT_TOKEN_SECRET_ID", env.get("CONNECT_TOKEN_SECRET_ID"), out["connect_token_secret_arn"])
    c.equal("GITHUB_WEBHOOK_SECRET_ID", env.get("GITHUB_WEBHOOK_SECRET_ID"), out["github_webhook_secret_arn"])
    c.equal("HTTP_BEARER_SECRET_ID", env.get("HTTP_BEARER_SECRET_ID"), out["http_bearer_secret_arn"])
    c.equal("CONNECT_TIME_BUDGET", env.get("CONNECT_TIME_BUDGET"), "55s")
    c.equal("FUNCTION_TIMEOUT", env.get("FUNCTION_TIMEOUT"), "60s")
    c.equal("DEPLOY_PROJECT", env.get("DEPLOY_PROJECT"), "Demo")
    c.equal("DEPLOY_GROUPS", env.get("DEPLOY_GROUPS"), "TestGroup1")
    c.equal("DEPLOY_FILTERS", json.loads(env.get("DEPLOY_FILTERS", "null")),
            [{"operand": "is", "type": "device_state", "value": "online"}])
    c.equal("DEPLOY_PARAMETERS", json.loads(env.get("DEPLOY_PARAMETERS", "null")),
            {"conf_path": "/etc/gateway/settings.conf", "username": "ubuntu"})
    c.equal("DEDUPE_TABLE", env.get("DEDUPE_TABLE"), out["dedupe_table_name"])
    c.equal("DEDUPE_TTL", env.get("DEDUPE_TTL"), "72h")
    c.equal("DEPLOY_GITHUB_MAX_AGE", env.get("DEPLOY_GITHUB_MAX_AGE"), "72h")
    # GitHub deliveries are handed off to an asynchronous invocation of the alias, built without a cycle.
    c.equal("GITHUB_HANDOFF_TARGET", env.get("GITHUB_HANDOFF_TARGET"), out["lambda_alias_arn"])
    c.true("no DISABLE_SIGNAL_HANDLERS in jvm mode", "DISABLE_SIGNAL_HANDLERS" not in env)
    c.equal("reserved concurrency",
            lam.get_function_concurrency(FunctionName=FUNCTION).get("ReservedConcurrentExecutions"), 2)

    alias = lam.get_alias(FunctionName=FUNCTION, Name=ALIAS)
    c.equal("alias ARN", alias["AliasArn"], out["lambda_alias_arn"])
    c.true("alias points at a published version", alias["FunctionVersion"] not in ("", "$LATEST"),
           alias["FunctionVersion"])

    invoke_config = lam.get_function_event_invoke_config(FunctionName=FUNCTION, Qualifier=ALIAS)
    c.equal("on-failure destination", invoke_config["DestinationConfig"]["OnFailure"]["Destination"],
            queue_arn(aws, out))
    c.equal("async retries", invoke_config["MaximumRetryAttempts"], 2)
    c.equal("async maximum event age", invoke_config["MaximumEventAgeInSeconds"], 21600)
    # The hand-off target, named by its qualified ARN, is what carries them.
    handoff_config = lam.get_function_event_invoke_config(FunctionName=out["lambda_alias_arn"])
    c.equal("hand-off target's on-failure destination",
            handoff_config.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination"), queue_arn(aws, out))

    url = lam.get_function_url_config(FunctionName=FUNCTION, Qualifier=ALIAS)
    c.equal("Function URL auth", url["AuthType"], "NONE")
    c.equal("Function URL", url["FunctionUrl"], out["lambda_function_url"])


def check_permissions(c, aws, out):
    statements = {s["Sid"]: s for s in policy_statements(
        aws("lambda").get_policy(FunctionName=FUNCTION, Qualifier=ALIAS)["Policy"])}
    s3 = statements.get("AllowS3-uploads", {})
    c.equal("S3 permission principal", s3.get("Principal"), {"Service": "s3.amazonaws.com"})
    c.equal("S3 permission source", s3.get("Condition", {}).get("ArnLike", {}).get("AWS:SourceArn"),
            f"arn:aws:s3:::{out['uploads_bucket']}")
    for rule in ("ci-release", "s3-releases"):
        statement = statements.get(f"AllowEventBridge-{rule}", {})
        c.equal(f"rule {rule} permission principal", statement.get("Principal"), {"Service": "events.amazonaws.com"})
        c.equal(f"rule {rule} permission source",
                statement.get("Condition", {}).get("ArnLike", {}).get("AWS:SourceArn"),
                out["eventbridge_rule_arns"][rule])
    public = statements.get("AllowPublicInvokeViaFunctionUrlOnly", {})
    c.equal("URL-only invoke statement action", public.get("Action"), "lambda:InvokeFunction")
    c.equal("URL-only invoke statement principal", public.get("Principal"), "*")
    # Its condition (lambda:InvokedViaFunctionUrl), as AWS renders it, is checked by cli_permission_check.py:
    # moto stores the flag in a form of its own.
    check_one_public_statement(c, aws)
    c.true("public lambda:InvokeFunctionUrl statement", "FunctionURLAllowPublicAccess" in statements,
           f"(statements: {sorted(statements)})")


def check_one_public_statement(c, aws):
    statements = policy_statements(aws("lambda").get_policy(FunctionName=FUNCTION, Qualifier=ALIAS)["Policy"])
    c.equal("statements AllowPublicInvokeViaFunctionUrlOnly",
            len([s for s in statements if s.get("Sid") == "AllowPublicInvokeViaFunctionUrlOnly"]), 1)


def queue_arn(aws, out):
    return aws("sqs").get_queue_attributes(QueueUrl=out["dead_letter_queue_url"],
                                           AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]


def check_triggers(c, aws, out):
    dlq = queue_arn(aws, out)
    notification = aws("s3").get_bucket_notification_configuration(Bucket=out["uploads_bucket"])
    functions = notification.get("LambdaFunctionConfigurations", [])
    c.equal("S3 notifications", len(functions), 1)
    if functions:
        c.equal("S3 notification target", functions[0]["LambdaFunctionArn"], out["lambda_alias_arn"])
        c.equal("S3 notification events", functions[0]["Events"], ["s3:ObjectCreated:*"])
        rules = functions[0].get("Filter", {}).get("Key", {}).get("FilterRules", [])
        c.equal("S3 notification prefix", [(r["Name"].lower(), r["Value"]) for r in as_list(rules)],
                [("prefix", "firmware/")])

    events = aws("events")
    for rule in ("ci-release", "s3-releases"):
        targets = events.list_targets_by_rule(Rule=f"{FUNCTION}-{rule}")["Targets"]
        c.equal(f"rule {rule} targets", [t["Arn"] for t in targets], [out["lambda_alias_arn"]])
        c.equal(f"rule {rule} dead-letter queue", [t.get("DeadLetterConfig", {}).get("Arn") for t in targets], [dlq])
    pattern = json.loads(events.describe_rule(Name=f"{FUNCTION}-s3-releases")["EventPattern"])
    c.equal("S3 through EventBridge pattern", pattern.get("detail", {}).get("bucket", {}).get("name"),
            [out["releases_bucket"]])

    schedule = aws("scheduler").get_schedule(Name=f"{FUNCTION}-nightly-beta")
    target = schedule["Target"]
    c.equal("schedule target", target["Arn"], out["lambda_alias_arn"])
    c.equal("schedule dead-letter queue", target.get("DeadLetterConfig", {}).get("Arn"), dlq)
    c.equal("schedule role", target["RoleArn"], f"arn:aws:iam::123456789012:role/{FUNCTION}-scheduler")
    c.equal("schedule input", json.loads(target["Input"]), {
        "app": {"name": "gateway", "version": "nightly"}, "comment": "nightly beta rollout",
        "filters": [{"operand": "is", "type": "tag", "value": "beta"}],
        # Scheduler fills the context attribute in per firing: the key of a redelivered firing is the same.
        "idempotency_key": f"schedule:{FUNCTION}-nightly-beta@<aws.scheduler.scheduled-time>"})
    c.equal("schedule timezone", schedule["ScheduleExpressionTimezone"], "Europe/Berlin")

    queue_policy = aws("sqs").get_queue_attributes(QueueUrl=out["dead_letter_queue_url"],
                                                   AttributeNames=["Policy"])["Attributes"].get("Policy")
    statements = policy_statements(queue_policy) if queue_policy else []
    c.equal("queue policy principals", [s.get("Principal") for s in statements], [{"Service": "events.amazonaws.com"}])


def check_iam(c, aws, out):
    iam = aws("iam")
    for role, policy in ((FUNCTION, f"{FUNCTION}-least-privilege"), (f"{FUNCTION}-scheduler", f"{FUNCTION}-scheduler")):
        document = iam.get_role_policy(RoleName=role, PolicyName=policy)["PolicyDocument"]
        for statement in policy_statements(document):
            resources = as_list(statement["Resource"])
            c.true(f"{role} statement {statement.get('Sid')} names its resources",
                   all(r != "*" for r in resources), f"({resources})")
    document = iam.get_role_policy(RoleName=FUNCTION, PolicyName=f"{FUNCTION}-least-privilege")["PolicyDocument"]
    invoking = [(s.get("Sid"), as_list(s["Action"]), as_list(s["Resource"])) for s in policy_statements(document)
                if any(a.startswith("lambda:") for a in as_list(s["Action"]))]
    c.equal("the function role's only lambda statement: the GitHub hand-off to its alias", invoking,
            [("HandOffGitHubDeliveriesToOwnAlias", ["lambda:InvokeFunction"], [out["lambda_alias_arn"]])])
    trust = policy_statements(iam.get_role(RoleName=FUNCTION)["Role"]["AssumeRolePolicyDocument"])
    c.equal("function role trust", [s["Principal"] for s in trust], [{"Service": "lambda.amazonaws.com"}])


def check_rest(c, aws, out):
    secrets = aws("secretsmanager")
    c.equal("token secret name", secrets.describe_secret(SecretId=out["connect_token_secret_arn"])["Name"],
            f"{FUNCTION}/token")
    try:
        secrets.get_secret_value(SecretId=out["connect_token_secret_arn"])
        c.true("token secret created without a value", False)
    except ClientError as error:
        c.equal("token secret created without a value", error.response["Error"]["Code"], "ResourceNotFoundException")

    groups = aws("logs").describe_log_groups(logGroupNamePrefix=f"/aws/lambda/{FUNCTION}")["logGroups"]
    c.equal("log group retention", [g.get("retentionInDays") for g in groups], [30])

    alarms = aws("cloudwatch").describe_alarms(AlarmNamePrefix=FUNCTION)["MetricAlarms"]
    c.equal("alarms", sorted((a["AlarmName"], a.get("MetricName"), tuple(a["AlarmActions"])) for a in alarms), [
        (f"{FUNCTION}-async-events-dropped", "AsyncEventsDropped", (out["alarm_topic_arn"],)),
        (f"{FUNCTION}-dead-letter", "ApproximateNumberOfMessagesVisible", (out["alarm_topic_arn"],)),
        (f"{FUNCTION}-deployment-failure-rate", None, (out["alarm_topic_arn"],)),
        (f"{FUNCTION}-destination-delivery-failures", "DestinationDeliveryFailures", (out["alarm_topic_arn"],)),
        (f"{FUNCTION}-errors", "Errors", (out["alarm_topic_arn"],)),
        (f"{FUNCTION}-throttles", "Throttles", (out["alarm_topic_arn"],)),
    ])
    rate = [a for a in alarms if a["AlarmName"] == f"{FUNCTION}-deployment-failure-rate"]
    queries = {q["Id"]: q for q in (rate[0].get("Metrics", []) if rate else [])}
    c.equal("failure-rate alarm: its queries", sorted(queries), ["created", "failed", "rate", "uncertain"])
    c.equal("failure-rate alarm: the outcomes it sums", sorted(
        (q["Id"], q["MetricStat"]["Metric"]["Namespace"], q["MetricStat"]["Metric"]["MetricName"],
         sorted((d["Name"], d["Value"]) for d in q["MetricStat"]["Metric"]["Dimensions"]), q["MetricStat"]["Period"])
        for q in queries.values() if "MetricStat" in q), [
        (outcome, "ConnectDeployer", "Deployments", [("Outcome", outcome), ("Service", FUNCTION)], 3600)
        for outcome in ("created", "failed", "uncertain")])
    c.true("failure-rate alarm: the rate is what it returns", queries.get("rate", {}).get("ReturnData") is True
           and "100*(FILL(failed,0)+FILL(uncertain,0))" in queries.get("rate", {}).get("Expression", ""), str(queries.get("rate")))
    c.equal("failure-rate alarm: threshold, missing data", (rate[0]["Threshold"], rate[0]["TreatMissingData"]) if rate else None,
            (20.0, "notBreaching"))

    cloudwatch = aws("cloudwatch")
    c.equal("dashboards", [d["DashboardName"] for d in cloudwatch.list_dashboards(DashboardNamePrefix=FUNCTION)["DashboardEntries"]],
            [FUNCTION])
    widgets = json.loads(cloudwatch.get_dashboard(DashboardName=FUNCTION)["DashboardBody"])["widgets"]
    c.equal("dashboard widgets", len(widgets), 8)

    dynamodb = aws("dynamodb")
    table = dynamodb.describe_table(TableName=out["dedupe_table_name"])["Table"]
    c.equal("dedupe key", table["KeySchema"], [{"AttributeName": "id", "KeyType": "HASH"}])
    ttl = dynamodb.describe_time_to_live(TableName=out["dedupe_table_name"])["TimeToLiveDescription"]
    c.equal("dedupe TTL", (ttl.get("TimeToLiveStatus"), ttl.get("AttributeName")), ("ENABLED", "expires_at"))


def check_destroyed(c, aws):
    c.equal("functions left", [f["FunctionName"] for f in aws("lambda").list_functions()["Functions"]], [])
    c.equal("roles left", [r["RoleName"] for r in aws("iam").list_roles()["Roles"]], [])
    c.equal("queues left", aws("sqs").list_queues().get("QueueUrls", []), [])
    c.equal("schedules left", aws("scheduler").list_schedules()["Schedules"], [])
    c.equal("rules left", [r["Name"] for r in aws("events").list_rules()["Rules"]], [])
    c.equal("tables left", aws("dynamodb").list_tables()["TableNames"], [])
    c.equal("buckets left", [b["Name"] for b in aws("s3").list_buckets()["Buckets"]], [])
    c.equal("secrets left", [s["Name"] for s in aws("secretsmanager").list_secrets()["SecretList"]], [])
    c.equal("alarms left", [a["AlarmName"] for a in aws("cloudwatch").describe_alarms()["MetricAlarms"]], [])
    c.equal("dashboards left", aws("cloudwatch").list_dashboards()["DashboardEntries"], [])


def main():
    endpoint, what = sys.argv[1], sys.argv[2]
    aws = clients(endpoint)
    c = Checks()
    if what == "--destroyed":
        check_destroyed(c, aws)
    elif what == "--one-public-statement":
        check_one_public_statement(c, aws)
    else:
        with open(what) as f:
            out = {name: output["value"] for name, output in json.load(f).items()}
        c.run((check_function, check_permissions, check_triggers, check_iam, check_rest), aws, out)
    return c.finish()


if __name__ == "__main__":
    sys.exit(main())
