#!/usr/bin/env python3
"""Wrap a GitHub webhook payload in a Lambda Function URL request (payload format 2.0) and sign it.

The signed fixtures in this folder were made with GitHub's documented test secret

    It's a Secret to Everybody

(docs.github.com, "Validating webhook deliveries"), which the tests put in the stand-in Secrets Manager.
release-published-bad-signature.json is signed with "wrong secret" instead, and
release-published-unsigned.json is made with --unsigned.

The body is the payload as compact JSON (no spaces, non-ASCII kept as UTF-8), as GitHub delivers it.
The signatures are computed over the UTF-8 bytes of exactly that text:

    x-hub-signature-256 = "sha256=" + hex(HMAC-SHA256(secret, body))
    x-hub-signature     = "sha1="   + hex(HMAC-SHA1(secret, body))

BODY_FILE is either a payload (any formatting) or an existing request made by this script; in the second
case its body, headers and request context are kept and only the signatures (and content-length) are
recomputed, so a fixture can be re-signed in place:

    python3 sign.py release-published.json "It's a Secret to Everybody" release-published.json
    python3 sign.py release-published.json "wrong secret" release-published-bad-signature.json
    python3 sign.py release-published.json "" release-published-unsigned.json --unsigned
    python3 sign.py payload.json "It's a Secret to Everybody" ping.json --event ping \\
        --delivery 0c2f6a40-cc3a-11f1-97e3-4d5e6f7a8b9c --time 2026-11-27T08:58:10.412Z

Check a written request (recomputes both signatures from its body; exit status 1 on a mismatch):

    python3 sign.py --verify release-published.json "It's a Secret to Everybody"
"""

import argparse
import hashlib
import hmac
import json
import sys
import uuid
from datetime import datetime, timezone

URL_ID = "abcdefg"
HOST = URL_ID + ".lambda-url.eu-west-1.on.aws"
GITHUB_IP = "140.82.115.41"  # in GitHub's documented "hooks" range 140.82.112.0/20
USER_AGENT = "GitHub-Hookshot/044aadd"


def compact(payload):
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def signatures(secret, body):
    key = secret.encode("utf-8")
    msg = body.encode("utf-8")
    return ("sha1=" + hmac.new(key, msg, hashlib.sha1).hexdigest(),
            "sha256=" + hmac.new(key, msg, hashlib.sha256).hexdigest())


def is_request(document):
    return isinstance(document, dict) and document.get("version") == "2.0" and "requestContext" in document


def new_request(body, event, delivery, hook_id, target_id, target_type, when):
    moment = datetime.strptime(when, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    request_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "github-delivery:" + delivery))
    trace = "Root=1-%08x-%s" % (int(moment.timestamp()), hashlib.sha256(delivery.encode()).hexdigest()[:24])
    headers = {
        "content-length": "0",
        "x-amzn-tls-version": "TLSv1.3",
        "x-forwarded-proto": "https",
        "x-forwarded-port": "443",
        "x-forwarded-for": GITHUB_IP,
        "accept": "*/*",
        "x-amzn-tls-cipher-suite": "TLS_AES_128_GCM_SHA256",
        "x-amzn-trace-id": trace,
        "host": HOST,
        "content-type": "application/json",
        "x-github-delivery": delivery,
        "x-github-event": event,
        "x-github-hook-id": str(hook_id),
        "x-github-hook-installation-target-id": str(target_id),
        "x-github-hook-installation-target-type": target_type,
        "user-agent": USER_AGENT,
    }
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": "/",
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "anonymous",
            "apiId": URL_ID,
            "domainName": HOST,
            "domainPrefix": URL_ID,
            "http": {"method": "POST", "path": "/", "protocol": "HTTP/1.1", "sourceIp": GITHUB_IP, "userAgent": USER_AGENT},
            "requestId": request_id,
            "routeKey": "$default",
            "stage": "$default",
            "time": moment.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(moment.timestamp() * 1000),
        },
        "body": body,
        "isBase64Encoded": False,
    }


def sign(request, secret, unsigned):
    headers = request["headers"]
    for name in ("x-hub-signature", "x-hub-signature-256"):
        headers.pop(name, None)
    headers["content-length"] = str(len(request["body"].encode("utf-8")))
    if not unsigned:
        sha1, sha256 = signatures(secret, request["body"])
        # GitHub sends both; keep user-agent last, as Lambda lists it.
        user_agent = headers.pop("user-agent", USER_AGENT)
        headers["x-hub-signature"] = sha1
        headers["x-hub-signature-256"] = sha256
        headers["user-agent"] = user_agent
    return request


def verify(path, secret):
    with open(path, encoding="utf-8") as f:
        request = json.load(f)
    body = request["body"]
    headers = request["headers"]
    if request.get("isBase64Encoded"):
        print(path + ": body is base64-encoded; GitHub fixtures carry the JSON text", file=sys.stderr)
        return False
    if compact(json.loads(body)) != body:
        print(path + ": body is not compact JSON", file=sys.stderr)
        return False
    if headers.get("content-length") != str(len(body.encode("utf-8"))):
        print(path + ": content-length does not match the body", file=sys.stderr)
        return False
    sha1, sha256 = signatures(secret, body)
    ok = True
    for name, expected in (("x-hub-signature", sha1), ("x-hub-signature-256", sha256)):
        actual = headers.get(name)
        if actual is None:
            print("%s: no %s header" % (path, name))
            ok = False
        elif hmac.compare_digest(actual, expected):
            print("%s: %s matches" % (path, name))
        else:
            print("%s: %s does NOT match this secret" % (path, name))
            ok = False
    return ok


def main(argv):
    if argv and argv[0] == "--verify":
        if len(argv) != 3:
            sys.exit("usage: sign.py --verify REQUEST_FILE SECRET")
        sys.exit(0 if verify(argv[1], argv[2]) else 1)

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("body_file", help="a webhook payload, or a request written by this script")
    parser.add_argument("secret", help="the webhook secret (ignored with --unsigned)")
    parser.add_argument("out_file", help="where to write the Function URL request")
    parser.add_argument("--unsigned", action="store_true", help="write no x-hub-signature headers")
    parser.add_argument("--event", default="release", help="x-github-event for a new request (default release)")
    parser.add_argument("--delivery", help="x-github-delivery for a new request (default: a new UUID)")
    parser.add_argument("--hook-id", default="498765432", help="x-github-hook-id for a new request")
    parser.add_argument("--target-id", default="812345678",
                        help="x-github-hook-installation-target-id (the repository id) for a new request")
    parser.add_argument("--target-type", default="repository", help="x-github-hook-installation-target-type")
    parser.add_argument("--time", default="2026-11-27T09:15:01.274Z",
                        help="request time for a new request, yyyy-mm-ddThh:mm:ss.mmmZ")
    args = parser.parse_args(argv)

    with open(args.body_file, encoding="utf-8") as f:
        document = json.load(f)
    if is_request(document):
        request = document
        request["body"] = compact(json.loads(request["body"]))
    else:
        request = new_request(compact(document), args.event, args.delivery or str(uuid.uuid1()), args.hook_id,
                              args.target_id, args.target_type, args.time)
    sign(request, args.secret, args.unsigned)

    with open(args.out_file, "w", encoding="utf-8", newline="\n") as f:
        json.dump(request, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote " + args.out_file)


if __name__ == "__main__":
    main(sys.argv[1:])
