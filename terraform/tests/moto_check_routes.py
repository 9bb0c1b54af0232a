#!/usr/bin/env python3
"""Checks, through the AWS APIs of moto_server, that examples/routes wrote its routing table as the function reads it.

Usage: moto_check_routes.py <endpoint URL> <outputs.json from `terraform output -json`>
       moto_check_routes.py <endpoint URL> --destroyed <routes path>
Exit 0 when every check passes; otherwise each failed check is printed and the exit code is 1.
"""
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from moto_check_complete import Checks, as_list, clients, policy_statements  # noqa: E402

FUNCTION = "connect-deployer-routes"
APPS = ("gateway", "sensor", "edge")


def table(aws, path):
    """Every parameter directly under the path, as the function reads them (GetParametersByPath, not recursive)."""
    found, token = {}, None
    while True:
        page = aws("ssm").get_parameters_by_path(Path=path, Recursive=False, WithDecryption=True,
                                                  **({"NextToken": token} if token else {}))
        found.update({p["Name"]: p for p in page["Parameters"]})
        token = page.get("NextToken")
        if not token:
            return found


def check_table(c, aws, out):
    # Priorities follow the apps in key order (edge, gateway, sensor): gateway uploads 11, sensor nightly 32.
    path = out["routes_path"]
    c.equal("routes path", path, f"/{FUNCTION}/routes")
    routes = table(aws, path)
    c.equal("route names", sorted(routes), sorted(f"{path}/{app}-{kind}" for app in APPS
                                                  for kind in ("uploads", "releases", "nightly")))
    c.true("every route a plain String parameter", all(p["Type"] == "String" for p in routes.values()))
    values = {name.rsplit("/", 1)[1]: json.loads(p["Value"]) for name, p in routes.items()}
    c.equal("gateway uploads, as the function reads it", values.get("gateway-uploads"), {
        "priority": 11, "match": {"source": ["s3"], "bucket": out["builds_bucket"], "key_prefix": "gateway/"},
        "flow_id": "f-gateway-0000", "groups": ["gateways"]})
    c.equal("sensor nightly, as the function reads it", values.get("sensor-nightly"), {
        "priority": 32, "match": {"source": ["schedule"], "schedule": f"{FUNCTION}-nightly-sensor"},
        "flow_id": "f-sensor-0000", "app": {"name": "sensor", "version": "stable"},
        "filters": [{"type": "tag", "operand": "is", "value": "beta"}], "comment": "nightly sensor rollout"})
    c.equal("priorities unique", len({v["priority"] for v in values.values()}), len(values))


def check_function(c, aws, out):
    env = aws("lambda").get_function(FunctionName=FUNCTION)["Configuration"]["Environment"]["Variables"]
    c.equal("DEPLOY_ROUTES_PATH", env.get("DEPLOY_ROUTES_PATH"), out["routes_path"])
    c.equal("DEPLOY_FLOW_ID (routes carry the flows)", env.get("DEPLOY_FLOW_ID"), None)
    document = aws("iam").get_role_policy(RoleName=FUNCTION, PolicyName=f"{FUNCTION}-least-privilege")["PolicyDocument"]
    ssm = [(s.get("Sid"), as_list(s["Action"]), as_list(s["Resource"])) for s in policy_statements(document)
           if any(a.startswith("ssm:") for a in as_list(s["Action"]))]
    c.equal("the function role's only SSM grant: reading exactly its path", ssm, [(
        "ReadOwnRoutes", ["ssm:GetParametersByPath"],
        [f"arn:aws:ssm:eu-west-1:123456789012:parameter{out['routes_path']}"])])


def main():
    endpoint, what = sys.argv[1], sys.argv[2]
    aws = clients(endpoint)
    c = Checks()
    if what == "--destroyed":
        c.equal("routes left", sorted(table(aws, sys.argv[3])), [])
    else:
        with open(what) as f:
            out = {name: output["value"] for name, output in json.load(f).items()}
        c.run((check_table, check_function), aws, out)
    return c.finish()


if __name__ == "__main__":
    sys.exit(main())
