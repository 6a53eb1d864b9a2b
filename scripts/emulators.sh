#!/usr/bin/env bash
# Starts, stops and reports the AWS API emulator used by the integration tests: moto server
# (SES v2, SNS, EventBridge Scheduler, DynamoDB), pinned, in a private venv, on 127.0.0.1.
#
#   scripts/emulators.sh start    # installs if needed, starts, waits until healthy,
#                                 # prints 'export AWS_ENDPOINT_URL=...' on stdout (eval-able)
#   scripts/emulators.sh stop     # stops the moto this script started (pid file), nothing else
#   scripts/emulators.sh status   # exit 0 when a healthy moto answers on the port
#
# Settings (environment): MOTO_PORT (default 4566), MEMBER_POINTS_EMULATOR_VENV (default
# .venv-emulators in the repository root). Everything but the export line goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MOTO_VERSION="5.2.5"
MOTO_HOST="127.0.0.1"
MOTO_PORT="${MOTO_PORT:-4566}"
VENV="${MEMBER_POINTS_EMULATOR_VENV:-$ROOT/.venv-emulators}"
PID_FILE="$VENV/moto-$MOTO_PORT.pid"
LOG_FILE="$VENV/moto-$MOTO_PORT.log"
CONSTRAINTS="$ROOT/scripts/emulators-constraints.txt"
ENDPOINT="http://$MOTO_HOST:$MOTO_PORT"
START_TIMEOUT_SECONDS="${MOTO_START_TIMEOUT_SECONDS:-60}"

log() { echo "emulators: $*" >&2; }

python_bin() {
  for candidate in python3 python; do
    if command -v "$candidate" >/dev/null 2>&1; then echo "$candidate"; return 0; fi
  done
  log "python3 is required to run moto server"; return 1
}

installed_moto_version() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m
m.version("flask"), m.version("flask-cors")  # the [server] extra is present
print(m.version("moto"))
PY
}

ensure_installed() {
  if [ "$(installed_moto_version || true)" = "$MOTO_VERSION" ]; then
    return 0
  fi
  log "installing moto[server]==$MOTO_VERSION into $VENV (once)"
  if [ ! -x "$VENV/bin/python" ]; then
    "$(python_bin)" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c "$CONSTRAINTS" "moto[server]==$MOTO_VERSION" >&2
  if [ "$(installed_moto_version || true)" != "$MOTO_VERSION" ]; then
    log "moto $MOTO_VERSION did not install into $VENV"; return 1
  fi
}

# 0 when the port answers as moto server: its dashboard lives under /moto-api/.
healthy() {
  curl --silent --fail --max-time 2 --output /dev/null "$ENDPOINT/moto-api/" 2>/dev/null
}

# 0 when anything at all listens on the port.
port_in_use() {
  curl --silent --max-time 2 --output /dev/null "$ENDPOINT/" 2>/dev/null
}

our_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
  return 1
}

start() {
  if our_pid >/dev/null && healthy; then
    log "moto already running (pid $(our_pid)) on $ENDPOINT"
    echo "export AWS_ENDPOINT_URL=$ENDPOINT"; return 0
  fi
  if healthy; then
    log "a moto server not started by this script already answers on $ENDPOINT; using it"
    echo "export AWS_ENDPOINT_URL=$ENDPOINT"; return 0
  fi
  if port_in_use; then
    log "port $MOTO_PORT is taken by something that is not moto; set MOTO_PORT to a free port"; return 1
  fi
  ensure_installed
  rm -f "$PID_FILE"
  log "starting moto $MOTO_VERSION on $ENDPOINT (log: $LOG_FILE)"
  nohup "$VENV/bin/moto_server" -H "$MOTO_HOST" -p "$MOTO_PORT" >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  local waited=0
  until healthy; do
    if ! our_pid >/dev/null; then
      log "moto exited during start-up; last log lines:"; tail -n 20 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"; return 1
    fi
    if [ "$waited" -ge $((START_TIMEOUT_SECONDS * 5)) ]; then
      log "moto not healthy after ${START_TIMEOUT_SECONDS}s; stopping it"; stop; return 1
    fi
    sleep 0.2; waited=$((waited + 1))
  done
  log "moto healthy (pid $(cat "$PID_FILE"))"
  echo "export AWS_ENDPOINT_URL=$ENDPOINT"
}

stop() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"; log "no moto started by this script is running on port $MOTO_PORT"; return 0
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE"
  log "moto (pid $pid) stopped"
}

status() {
  if healthy; then
    if pid="$(our_pid)"; then log "moto running (pid $pid) on $ENDPOINT"; else log "moto (not started by this script) answers on $ENDPOINT"; fi
    return 0
  fi
  log "no moto answers on $ENDPOINT"; return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
