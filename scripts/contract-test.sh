#!/usr/bin/env bash
# Contract test: schemathesis (pinned, from PyPI, in a private venv) against docs/openapi.yaml on the local
# stack (local/run on a free port), once as a member (storefront routes) and once as staff with every
# permission (admin and operations routes). Checks: no server error, documented status codes, documented
# content types, response bodies matching their schemas. Any failure or error fails the script.
#
#   scripts/contract-test.sh            # exit 0 when schemathesis finds nothing
#
# Settings (environment):
#   MEMBER_POINTS_CONTRACT_VENV      venv path (default .venv-contract in the repository root; installed once)
#   MEMBER_POINTS_CONTRACT_EXAMPLES  examples per operation and phase (default 25)
#   MEMBER_POINTS_CONTRACT_SECONDS   time budget of the member run; the staff run gets twice as much (default 40)
#   MEMBER_POINTS_CONTRACT_SEED      hypothesis seed (default 13; a failure prints how to replay it)
# Reports (JUnit XML, and the stack's log) go to target/contract/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCHEMATHESIS_VERSION="4.32.5"
VENV="${MEMBER_POINTS_CONTRACT_VENV:-$ROOT/.venv-contract}"
CONSTRAINTS="$ROOT/scripts/contract-constraints.txt"
EXAMPLES="${MEMBER_POINTS_CONTRACT_EXAMPLES:-25}"
SECONDS_MEMBER="${MEMBER_POINTS_CONTRACT_SECONDS:-40}"
SEED="${MEMBER_POINTS_CONTRACT_SEED:-13}"
OUT="$ROOT/target/contract"
SPEC="$ROOT/docs/openapi.yaml"
CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"

log() { echo "contract-test: $*" >&2; }

installed() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null
}

if [ "$(installed || true)" != "$SCHEMATHESIS_VERSION" ]; then
  log "installing schemathesis==$SCHEMATHESIS_VERSION into $VENV (once)"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c "$CONSTRAINTS" \
    "schemathesis==$SCHEMATHESIS_VERSION" >&2
  if [ "$(installed || true)" != "$SCHEMATHESIS_VERSION" ]; then
    log "schemathesis $SCHEMATHESIS_VERSION did not install into $VENV"; exit 1
  fi
fi

mkdir -p "$OUT"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"

log "starting the local stack on $BASE (log: $OUT/local-stack.log)"
"$ROOT/local/run" --port "$PORT" >"$OUT/local-stack.log" 2>&1 &
STACK_PID=$!
stop_stack() {
  if kill -0 "$STACK_PID" 2>/dev/null; then
    kill "$STACK_PID" 2>/dev/null || true
    wait "$STACK_PID" 2>/dev/null || true
  fi
}
trap stop_stack EXIT

for _ in $(seq 1 300); do
  if curl -fsS "$BASE/v1/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$STACK_PID" 2>/dev/null; then
    log "the local stack exited; its log:"; tail -n 40 "$OUT/local-stack.log" >&2; exit 1
  fi
  sleep 1
done
curl -fsS "$BASE/v1/health" >/dev/null || { log "the local stack did not answer in 300 s"; exit 1; }

# Schemathesis' example database and caches stay out of the repository.
cd "$OUT"
run() {
  local name="$1" caller="$2" seconds="$3"; shift 3
  log "schemathesis as $name ($caller)"
  "$VENV/bin/schemathesis" --no-color --config-file "$ROOT/scripts/contract-test.toml" run "$SPEC" \
    --url "$BASE" \
    --header "X-Local-Caller: $caller" \
    --checks "$CHECKS" \
    --max-examples "$EXAMPLES" --max-time "$seconds" --seed "$SEED" \
    --workers 1 \
    --generation-with-security-parameters false \
    --generation-database none \
    --report junit --report-junit-path "$OUT/schemathesis-$name.xml" \
    "$@"
}

status=0
run member "merchant_id=demo-shop&member_id=alice" "$SECONDS_MEMBER" \
  --include-tag storefront || status=1
run staff "merchant_id=demo-shop&staff_id=contract-test&permissions=customer_management+member_points+settings+reports+store_credits" \
  "$((SECONDS_MEMBER * 2))" --include-tag admin --include-tag operations || status=1

if [ "$status" -ne 0 ]; then
  log "schemathesis found departures from docs/openapi.yaml (reports in $OUT)"
  exit 1
fi
log "docs/openapi.yaml holds: 0 failures as a member and as staff"
