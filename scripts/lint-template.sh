#!/usr/bin/env bash
# Lints template.yaml with cfn-lint and `sam validate --lint`, both pinned, installed from PyPI into a
# private venv once (about 45 s) and reused afterwards. Never calls AWS: no credentials are passed
# (the lint needs none), the region is fixed and SAM CLI's telemetry is off.
#
#   scripts/lint-template.sh            # exit 0 when both are clean
#
# Settings (environment): MEMBER_POINTS_LINT_VENV (default .venv-lint in the repository root).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CFN_LINT_VERSION="1.58.0"
SAM_CLI_VERSION="1.170.0"
VENV="${MEMBER_POINTS_LINT_VENV:-$ROOT/.venv-lint}"
CONSTRAINTS="$ROOT/scripts/lint-constraints.txt"
TEMPLATE="$ROOT/template.yaml"

log() { echo "lint-template: $*" >&2; }

installed() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m
print(m.version("cfn-lint") + " " + m.version("aws-sam-cli"))
PY
}

if [ "$(installed || true)" != "$CFN_LINT_VERSION $SAM_CLI_VERSION" ]; then
  log "installing cfn-lint==$CFN_LINT_VERSION and aws-sam-cli==$SAM_CLI_VERSION into $VENV (once)"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c "$CONSTRAINTS" \
    "cfn-lint==$CFN_LINT_VERSION" "aws-sam-cli==$SAM_CLI_VERSION" >&2
  if [ "$(installed || true)" != "$CFN_LINT_VERSION $SAM_CLI_VERSION" ]; then
    log "the pinned versions did not install into $VENV"; exit 1
  fi
fi

# No credentials, no profile, no metadata service: if either tool tried to reach AWS it would fail here.
lint_env=(env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE
  -u AWS_ENDPOINT_URL AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null SAM_CLI_TELEMETRY=0)

log "cfn-lint $CFN_LINT_VERSION"
"${lint_env[@]}" "$VENV/bin/cfn-lint" "$TEMPLATE"
log "sam validate --lint ($SAM_CLI_VERSION)"
(cd "$ROOT" && "${lint_env[@]}" "$VENV/bin/sam" validate --lint --region us-east-1 --template-file "$TEMPLATE")
log "template.yaml is clean"
