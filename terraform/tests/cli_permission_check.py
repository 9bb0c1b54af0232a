#!/usr/bin/env python3
"""Offline check of scripts/function-url-public-invoke.sh against a fake AWS CLI with AWS's semantics.

moto accepts a second add-permission with the same statement id; AWS answers ResourceConflictException. The
fake CLI here answers as AWS does (duplicate id: conflict; unknown id or no policy: ResourceNotFoundException;
the statement rendered with its Condition as Lambda's GetPolicy shows it) and records every call with the
credentials it ran with. Checked: the statement and its condition; a second `add` (taint, lost state) leaves
exactly one statement and no error; `remove` twice; wrong account: no Lambda call at all; profile and
assumed role reach every call.  Usage: cli_permission_check.py <path of the script>
"""
import json
import os
import subprocess
import sys
import tempfile

FAKE = r'''#!/usr/bin/env python3
import json, os, sys
state_file = os.environ["FAKE_AWS_STATE"]
state = json.load(open(state_file)) if os.path.exists(state_file) else {"statements": [], "calls": []}
args = sys.argv[1:]
def opt(name):
    return args[args.index(name) + 1] if name in args else None
creds = {"profile": opt("--profile"), "key": os.environ.get("AWS_ACCESS_KEY_ID")}
state["calls"].append({"args": args, "creds": creds})
def save():
    json.dump(state, open(state_file, "w"))
def error(code, message):
    save()
    sys.stderr.write(f"An error occurred ({code}) when calling the operation: {message}\n")
    sys.exit(254)
at = next(i for i, a in enumerate(args) if a in ("sts", "lambda"))
service, op = args[at], args[at + 1]
if (service, op) == ("sts", "get-caller-identity"):
    account = os.environ["FAKE_ASSUMED_ACCOUNT"] if creds["key"] == "ASIAASSUMED" else os.environ["FAKE_ACCOUNT"]
    save(); print(account)
elif (service, op) == ("sts", "assume-role"):
    save(); print("ASIAASSUMED\tsecret\ttoken")
elif (service, op) == ("lambda", "get-policy"):
    if not state["statements"]:
        error("ResourceNotFoundException", "The resource you requested does not exist.")
    save(); print(json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": state["statements"]}, separators=(",", ":")))
elif (service, op) == ("lambda", "add-permission"):
    sid = opt("--statement-id")
    if any(s["Sid"] == sid for s in state["statements"]):
        error("ResourceConflictException", f"The statement id ({sid}) provided already exists.")
    statement = {"Sid": sid, "Effect": "Allow", "Principal": opt("--principal"), "Action": opt("--action"),
                 "Resource": opt("--function-name") + ":" + opt("--qualifier")}
    if "--invoked-via-function-url" in args:
        statement["Condition"] = {"Bool": {"lambda:InvokedViaFunctionUrl": "true"}}
    state["statements"].append(statement)
    save(); print(json.dumps(statement))
elif (service, op) == ("lambda", "remove-permission"):
    sid = opt("--statement-id")
    if not any(s["Sid"] == sid for s in state["statements"]):
        error("ResourceNotFoundException", "The resource you requested does not exist.")
    state["statements"] = [s for s in state["statements"] if s["Sid"] != sid]
    save()
else:
    error("InvalidAction", " ".join(args))
'''

ENV = {
    "REGION": "eu-west-1", "ACCOUNT_ID": "123456789012",
    "FUNCTION_ARN": "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer",
    "QUALIFIER": "live", "STATEMENT_ID": "AllowPublicInvokeViaFunctionUrlOnly",
}
EXPECTED = {
    "Sid": "AllowPublicInvokeViaFunctionUrlOnly", "Effect": "Allow", "Principal": "*",
    "Action": "lambda:InvokeFunction",
    "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:connect-deployer:live",
    "Condition": {"Bool": {"lambda:InvokedViaFunctionUrl": "true"}},
}

failures = []


def check(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(f"{what} {detail}")


def main():
    script = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        fake = os.path.join(tmp, "aws")
        with open(fake, "w") as f:
            f.write(FAKE)
        os.chmod(fake, 0o755)
        state_file = os.path.join(tmp, "state.json")

        def run(action, **extra):
            env = {"PATH": os.environ["PATH"], "AWS_CLI": fake, "FAKE_AWS_STATE": state_file,
                   "FAKE_ACCOUNT": "123456789012", "FAKE_ASSUMED_ACCOUNT": "123456789012", **ENV, **extra}
            result = subprocess.run(["sh", script, action], env=env, capture_output=True, text=True)
            return result.returncode, result.stderr

        def state():
            return json.load(open(state_file))

        def reset():
            if os.path.exists(state_file):
                os.remove(state_file)

        rc, err = run("add")
        check("add: succeeds", rc == 0, err)
        check("add: exactly the URL-only statement, with its condition", state()["statements"] == [EXPECTED],
              json.dumps(state()["statements"]))
        check("add: every call names the region", all(c["args"][c["args"].index("--region") + 1] == "eu-west-1" for c in state()["calls"]))
        check("add: Lambda is called with the function's ARN (its account), never a bare name",
              all(c["args"][c["args"].index("--function-name") + 1] == ENV["FUNCTION_ARN"]
                  for c in state()["calls"] if "--function-name" in c["args"]))

        rc, err = run("add")  # terraform_data replaced (taint) or re-created (lost state): the statement exists
        check("add again (taint, lost state): no ResourceConflictException", rc == 0, err)
        check("add again: still exactly one statement", state()["statements"] == [EXPECTED],
              json.dumps(state()["statements"]))

        rc, err = run("remove")
        check("remove: succeeds and the statement is gone", rc == 0 and state()["statements"] == [], err)
        rc, err = run("remove")
        check("remove again: a missing statement is no error", rc == 0, err)

        reset()
        rc, err = run("add", FAKE_ACCOUNT="210987654321")
        check("credentials of another account: fails", rc != 0 and "210987654321" in err, err)
        check("credentials of another account: no Lambda call at all",
              not any("lambda" in c["args"] for c in state()["calls"]), json.dumps(state()["calls"]))

        reset()
        rc, err = run("add", CLI_PROFILE="deploy")
        check("profile: succeeds", rc == 0, err)
        check("profile: every call runs with --profile deploy",
              all(c["creds"]["profile"] == "deploy" for c in state()["calls"]), json.dumps(state()["calls"]))

        reset()
        rc, err = run("add", CLI_PROFILE="deploy", CLI_ASSUME_ROLE_ARN="arn:aws:iam::123456789012:role/terraform",
                      FAKE_ACCOUNT="999999999999")
        calls = state()["calls"]
        check("assume role: succeeds in the role's account", rc == 0, err)
        check("assume role: assumed with the profile, then every call with the role's credentials",
              "assume-role" in calls[0]["args"] and calls[0]["creds"]["profile"] == "deploy"
              and all(c["creds"]["key"] == "ASIAASSUMED" and c["creds"]["profile"] is None for c in calls[1:]),
              json.dumps(calls))

    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
