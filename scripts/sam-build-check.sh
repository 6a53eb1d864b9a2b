#!/usr/bin/env bash
# `sam build` as a user runs it (deploy/Makefile, no Docker), then checks what it built:
#   - every function of template.yaml has its artifact (lib/*.jar) and the layer its java/lib/*.jar;
#   - each stays under its size budget, and so does the whole build output (sizes and budgets printed);
#   - the handlers find their classes: deploy/HandlerSmoke.java loads every project class, constructs every
#     handler and answers GET /v1/health from the artifact's class path (function lib + layer), as Lambda builds it.
# SAM CLI comes from the pinned lint venv (scripts/lint-template.sh installs it). Never calls AWS.
#   scripts/sam-build-check.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
VENV="${MEMBER_POINTS_LINT_VENV:-$ROOT/.venv-lint}"
[ -x "$VENV/bin/sam" ] || scripts/lint-template.sh >/dev/null   # installs the pinned SAM CLI once

# Budgets (bytes), about 1.5x to 2x today's sizes (docs/deploy.md, "Artifacts"): a new dependency that lands in
# every function, or a function carrying the SDK again, fails here.
FUNCTION_BUDGET=$((2 * 1024 * 1024))     # each function: this project's jars only (today ~0.8 MB)
LAYER_BUDGET=$((20 * 1024 * 1024))       # DependenciesLayer: the third-party jars (today ~13.9 MB)
TOTAL_BUDGET=$((96 * 1024 * 1024))       # the whole .aws-sam/build (71 MB with 44 functions of 1.3 MB + the 15 MB layer, ~74 MB with 46 since 16.7 and 16.8;
                                         # was 443 MB with one shaded jar each; raised from 64 MB when 29 functions became 44)

log() { echo "sam-build-check: $*" >&2; }
start=$(date +%s)
log "sam build (SAM CLI $("$VENV/bin/sam" --version | awk '{print $NF}'), deploy/Makefile)"
env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE -u AWS_ENDPOINT_URL \
  AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true SAM_CLI_TELEMETRY=0 \
  "$VENV/bin/sam" build > target-sam-build.log 2>&1 || { cat target-sam-build.log >&2; log "sam build failed"; exit 1; }
rm -f target-sam-build.log
log "sam build took $(( $(date +%s) - start )) s"

B=.aws-sam/build
size() { du -sb "$1" | cut -f1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1048576 }'; }
failed=0
functions=$(awk '/^  [A-Za-z0-9]+:$/ { id = substr($1, 1, length($1) - 1) } /^    Type: AWS::Serverless::Function$/ { print id }' template.yaml)
count=0
printf '%-34s %12s  (budget %s)\n' "artifact" "bytes" "$(mb "$FUNCTION_BUDGET") per function" >&2
for f in $functions; do
  count=$((count + 1))
  if ! ls "$B/$f/lib/"*.jar >/dev/null 2>&1; then
    log "MISSING artifact $B/$f/lib/*.jar"; failed=1; continue
  fi
  s=$(size "$B/$f")
  flag=""; if [ "$s" -gt "$FUNCTION_BUDGET" ]; then flag="  OVER BUDGET"; failed=1; fi
  printf '%-34s %12d  %s%s\n' "$f" "$s" "$(mb "$s")" "$flag" >&2
done
if ! ls "$B/DependenciesLayer/java/lib/"*.jar >/dev/null 2>&1; then
  log "MISSING layer $B/DependenciesLayer/java/lib/*.jar"; failed=1
else
  s=$(size "$B/DependenciesLayer")
  flag=""; if [ "$s" -gt "$LAYER_BUDGET" ]; then flag="  OVER BUDGET"; failed=1; fi
  printf '%-34s %12d  %s (budget %s)%s\n' "DependenciesLayer" "$s" "$(mb "$s")" "$(mb "$LAYER_BUDGET")" "$flag" >&2
  if ls "$B/DependenciesLayer/java/lib/" | grep -q '^joda-time'; then log "joda-time is back in the layer"; failed=1; fi
fi
total=$(size "$B")
flag=""; if [ "$total" -gt "$TOTAL_BUDGET" ]; then flag="  OVER BUDGET"; failed=1; fi
printf '%-34s %12d  %s (budget %s)%s\n' "total .aws-sam/build ($count functions)" "$total" "$(mb "$total")" "$(mb "$TOTAL_BUDGET")" "$flag" >&2
[ "$count" -gt 0 ] || { log "no functions found in template.yaml"; failed=1; }

# The handlers find all their classes on the artifact's class path (no AWS call: dummy settings only).
jdk="$(scripts/find-jdk25.sh)"
handlers=$(grep -oE '^      Handler: [A-Za-z0-9_.]+::' template.yaml | sed 's/^ *Handler: //; s/::$//' | sort -u)
env -i PATH=/usr/bin:/bin AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=smoke-only AWS_SECRET_ACCESS_KEY=smoke-only \
  AWS_EC2_METADATA_DISABLED=true TABLE_NAME=smoke SES_FROM_ADDRESS=points@example.com INTEGRATION_EVENT_BUS_NAME=smoke \
  "$jdk/bin/java" -cp "$B/HealthFunction/lib/*:$B/DependenciesLayer/java/lib/*" deploy/HandlerSmoke.java \
  "$B/HealthFunction/lib" $handlers 2>&1 | grep -v '^SLF4J' | grep -v '^{' >&2 || failed=1

if [ "$failed" -ne 0 ]; then log "FAILED"; exit 1; fi
log "every function's artifact is built and within budget"
