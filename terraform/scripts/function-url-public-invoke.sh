#!/bin/sh
# The public lambda:InvokeFunction statement of a Function URL with auth NONE, limited to URL calls
# (condition lambda:InvokedViaFunctionUrl), which hashicorp/aws 5.x cannot express. Run by the module's
# terraform_data (function_url_public_invoke = "cli"); usable by hand with the same variables.
#
#   function-url-public-invoke.sh add|remove
#
# Environment (all but the last three required):
#   REGION, ACCOUNT_ID      where the provider works: every call names REGION, and the script stops before
#                           touching Lambda unless the credentials belong to ACCOUNT_ID
#   FUNCTION_ARN            the function's unqualified ARN (an ARN, so a call can only reach that account)
#   QUALIFIER, STATEMENT_ID the alias and the statement id
#   CLI_PROFILE             optional: the AWS CLI profile to use (as the provider's `profile`)
#   CLI_ASSUME_ROLE_ARN     optional: a role to assume first (as the provider's `assume_role`)
#   AWS_CLI                 optional: the CLI command, default `aws`
#
# Idempotent: `add` replaces a statement with the same id (after a taint, a lost state, or a change by
# hand) instead of failing with ResourceConflictException; `remove` of a missing statement succeeds.
set -eu

action=${1:?usage: $0 add|remove}
: "${REGION:?}" "${ACCOUNT_ID:?}" "${FUNCTION_ARN:?}" "${QUALIFIER:?}" "${STATEMENT_ID:?}"
cli=${AWS_CLI:-aws}
err=$(mktemp)
trap 'rm -f "$err"' EXIT

fail() {
  echo "function-url-public-invoke: $*" >&2
  exit 1
}

# Profile only as an explicit flag: it then wins over AWS_* credentials in the environment.
aws_() {
  if [ -n "${CLI_PROFILE:-}" ] && [ -z "${assumed:-}" ]; then
    "$cli" --profile "$CLI_PROFILE" --region "$REGION" "$@"
  else
    "$cli" --region "$REGION" "$@"
  fi
}

assumed=""
if [ -n "${CLI_ASSUME_ROLE_ARN:-}" ]; then
  creds=$(aws_ sts assume-role --role-arn "$CLI_ASSUME_ROLE_ARN" --role-session-name connect-deployer-terraform \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text) ||
    fail "cannot assume $CLI_ASSUME_ROLE_ARN"
  # shellcheck disable=SC2086 # three words: key id, secret, token
  set -- $creds
  [ $# -eq 3 ] || fail "unexpected answer from sts assume-role"
  export AWS_ACCESS_KEY_ID=$1 AWS_SECRET_ACCESS_KEY=$2 AWS_SESSION_TOKEN=$3
  unset AWS_PROFILE
  assumed=yes
fi

account=$(aws_ sts get-caller-identity --query Account --output text) || fail "no AWS credentials for the AWS CLI"
[ "$account" = "$ACCOUNT_ID" ] ||
  fail "the AWS CLI's credentials are for account $account, the provider's for $ACCOUNT_ID: set function_url_cli_profile or function_url_cli_assume_role_arn to what the provider uses"

remove() {
  if ! aws_ lambda remove-permission --function-name "$FUNCTION_ARN" --qualifier "$QUALIFIER" \
    --statement-id "$STATEMENT_ID" 2>"$err"; then
    grep -q ResourceNotFoundException "$err" || { cat "$err" >&2; fail "remove-permission failed"; }
  fi
}

case $action in
add)
  if policy=$(aws_ lambda get-policy --function-name "$FUNCTION_ARN" --qualifier "$QUALIFIER" \
    --query Policy --output text 2>"$err"); then
    case $(printf '%s' "$policy" | tr -d ' \n') in
    *"\"Sid\":\"$STATEMENT_ID\""*) remove ;;
    esac
  else
    grep -q ResourceNotFoundException "$err" || { cat "$err" >&2; fail "get-policy failed"; }
  fi
  aws_ lambda add-permission --function-name "$FUNCTION_ARN" --qualifier "$QUALIFIER" \
    --statement-id "$STATEMENT_ID" --action lambda:InvokeFunction --principal '*' --invoked-via-function-url \
    --output text --query Statement >/dev/null
  ;;
remove) remove ;;
*) fail "usage: $0 add|remove" ;;
esac
