#!/usr/bin/env bash
# Starts, stops and reports LocalStack Community 4.14.0 WITHOUT Docker ("host mode":
# python -m localstack.runtime.main), pinned, in a private venv, on 127.0.0.1. The second AWS API
# emulator of the adapters' integration tests, beside moto (scripts/emulators.sh).
#
#   scripts/localstack.sh start    # installs if needed, starts, waits until healthy (DynamoDB included),
#                                  # prints 'export AWS_ENDPOINT_URL=...' on stdout (eval-able)
#   scripts/localstack.sh stop     # stops the LocalStack this script started (pid file), nothing else
#   scripts/localstack.sh status   # exit 0 when a healthy LocalStack answers on the port
#
# Settings (environment): LOCALSTACK_PORT (default 4567; moto's default is 4566),
# MEMBER_POINTS_LOCALSTACK_VENV (default .venv-localstack in the repository root),
# MEMBER_POINTS_LOCALSTACK_PYTHON (a Python >= 3.12 to build the venv with; default: the newest 3.13/3.12
# on PATH or under pyenv), JAVA_HOME (a JDK >= 17 for DynamoDB Local; the project's JDK 25 does).
# Everything but the export line goes to stderr.
#
# What host mode needs here, and how this script provides it:
# - localstack-core[runtime]==4.14.0 with every dependency pinned to LocalStack's own lock file for that
#   tag (scripts/localstack-constraints.txt), under Python >= 3.12.
# - DynamoDB Local, which LocalStack downloads from the internet on first use (that fails here): the
#   version the tests use comes from Maven (scripts/dynamodb-local/pom.xml) and is laid out where
#   LocalStack's installer would put it (<FILESYSTEM_ROOT>/usr/lib/localstack/dynamodb-local/2/
#   DynamoDBLocal.jar + DynamoDBLocal_lib/ + the -javaagent jar), with the JDK as its "java/21".
# - The v2 DynamoDB and DynamoDB Streams providers (the default streams provider dropped records).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOCALSTACK_VERSION="4.14.0"
HOST="127.0.0.1"
PORT="${LOCALSTACK_PORT:-4567}"
VENV="${MEMBER_POINTS_LOCALSTACK_VENV:-$ROOT/.venv-localstack}"
PID_FILE="$VENV/localstack-$PORT.pid"
LOG_FILE="$VENV/localstack-$PORT.log"
FS_ROOT="$VENV/root-$PORT"
CONSTRAINTS="$ROOT/scripts/localstack-constraints.txt"
DDB_POM="$ROOT/scripts/dynamodb-local/pom.xml"
ENDPOINT="http://$HOST:$PORT"
START_TIMEOUT_SECONDS="${LOCALSTACK_START_TIMEOUT_SECONDS:-120}"
SERVICES="dynamodb,dynamodbstreams,sns,sqs,events,scheduler,ses,sts"

log() { echo "localstack: $*" >&2; }

# --- Python >= 3.12 ------------------------------------------------------------------------------
python_ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }

python_bin() {
  local candidate
  if [ -n "${MEMBER_POINTS_LOCALSTACK_PYTHON:-}" ]; then
    if python_ok "$MEMBER_POINTS_LOCALSTACK_PYTHON"; then echo "$MEMBER_POINTS_LOCALSTACK_PYTHON"; return 0; fi
    log "MEMBER_POINTS_LOCALSTACK_PYTHON=$MEMBER_POINTS_LOCALSTACK_PYTHON is not a Python >= 3.12"; return 1
  fi
  for candidate in python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then command -v "$candidate"; return 0; fi
  done
  # pyenv versions, newest first (3.13 is the version LocalStack's lock file was compiled with).
  local pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
  for candidate in $(ls -d "$pyenv_root"/versions/3.13.* "$pyenv_root"/versions/3.12.* 2>/dev/null | sort -rV); do
    if python_ok "$candidate/bin/python3"; then echo "$candidate/bin/python3"; return 0; fi
  done
  log "LocalStack $LOCALSTACK_VERSION needs Python >= 3.12, and none was found (PATH: python3.13, python3.12,"
  log "python3; pyenv: $pyenv_root/versions/3.1[23].*). Install one (e.g. 'pyenv install 3.13') or set"
  log "MEMBER_POINTS_LOCALSTACK_PYTHON to its interpreter."
  return 1
}

installed_version() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" -c 'import importlib.metadata as m; m.version("moto-ext"); print(m.version("localstack-core"))' 2>/dev/null
}

ensure_python_installed() {
  if [ "$(installed_version || true)" = "$LOCALSTACK_VERSION" ]; then return 0; fi
  if [ -x "$VENV/bin/python" ] && ! python_ok "$VENV/bin/python"; then
    log "$VENV holds a Python older than 3.12; remove it or set MEMBER_POINTS_LOCALSTACK_VENV"; return 1
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    local python; python="$(python_bin)"
    log "creating $VENV with $python ($("$python" --version 2>&1))"
    "$python" -m venv "$VENV"
  fi
  log "installing localstack-core[runtime]==$LOCALSTACK_VERSION into $VENV (once; a few minutes)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c "$CONSTRAINTS" "localstack-core[runtime]==$LOCALSTACK_VERSION" >&2
  if [ "$(installed_version || true)" != "$LOCALSTACK_VERSION" ]; then
    log "localstack-core $LOCALSTACK_VERSION did not install into $VENV"; return 1
  fi
}

# --- Java and DynamoDB Local ---------------------------------------------------------------------
java_home() {
  local home="${JAVA_HOME:-}"
  if [ -z "$home" ] && command -v java >/dev/null 2>&1; then
    home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  if [ -z "$home" ] || [ ! -x "$home/bin/java" ] || [ ! -x "$home/bin/javac" ]; then
    log "DynamoDB Local needs a JDK >= 17: set JAVA_HOME (the project's JDK 25 will do)"; return 1
  fi
  local major
  major="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [ "${major%%.*}" -lt 17 ] 2>/dev/null; then
    log "JAVA_HOME=$home is Java $major; DynamoDB Local needs >= 17"; return 1
  fi
  echo "$home"
}

ddb_version() {
  sed -n 's:.*<dynamodb.local.version>\(.*\)</dynamodb.local.version>.*:\1:p' "$ROOT/pom.xml"
}

# Builds $VENV/dynamodb-local-<version>/ once: DynamoDBLocal_lib/ (the Maven artifact, its dependencies
# and the sqlite4java natives), a launcher DynamoDBLocal.jar (manifest only: main class + class path) and
# the no-op agent jar LocalStack's command line names.
ensure_dynamodb_local() {
  local version dir jdk
  version="$(ddb_version)"
  dir="$VENV/dynamodb-local-$version"
  if [ -f "$dir/.complete" ]; then echo "$dir"; return 0; fi
  jdk="$(java_home)"
  log "laying out DynamoDB Local $version from Maven in $dir (once)"
  rm -rf "$dir"; mkdir -p "$dir/DynamoDBLocal_lib" "$dir/build/classes"
  JAVA_HOME="$jdk" "$ROOT/mvnw" -q -B -ntp -f "$DDB_POM" dependency:copy-dependencies \
    -Ddynamodb.local.version="$version" -DoutputDirectory="$dir/DynamoDBLocal_lib" >&2
  # sqlite4java looks for libsqlite4java-<os>-<arch>.<ext> on java.library.path (LocalStack passes
  # -Djava.library.path=DynamoDBLocal_lib).
  local native
  for native in "$dir"/DynamoDBLocal_lib/libsqlite4java-*-[0-9]*.*; do
    [ -e "$native" ] || continue
    mv "$native" "$(echo "$native" | sed -E 's/-[0-9][0-9.]*\.(so|dylib|dll)$/.\1/')"
  done
  ls "$dir"/DynamoDBLocal_lib/libsqlite4java-linux-amd64.so >/dev/null
  {
    echo "Manifest-Version: 1.0"
    echo "Main-Class: software.amazon.dynamodb.services.local.main.ServerRunner"
    echo "Class-Path: ."
    (cd "$dir/DynamoDBLocal_lib" && ls *.jar) | sed 's:^:  DynamoDBLocal_lib/:'
  } >"$dir/build/launcher.mf"
  "$jdk/bin/jar" --create --file "$dir/DynamoDBLocal.jar" --manifest "$dir/build/launcher.mf"
  "$jdk/bin/javac" --release 17 -d "$dir/build/classes" "$ROOT/scripts/dynamodb-local/NoopAgent.java"
  printf 'Manifest-Version: 1.0\nPremain-Class: memberpoints.localstack.NoopAgent\n' >"$dir/build/agent.mf"
  "$jdk/bin/jar" --create --file "$dir/ddb-local-loader-0.1.jar" --manifest "$dir/build/agent.mf" \
    -C "$dir/build/classes" .
  echo "$version" >"$dir/.complete"
  echo "$dir"
}

# A fresh FILESYSTEM_ROOT for each start (no state carried over), with DynamoDB Local and Java where
# LocalStack's package installers look: <static libs>/dynamodb-local/2 and <static libs>/java/21.
prepare_filesystem_root() {
  local ddb_dir="$1" jdk="$2" libs="$FS_ROOT/usr/lib/localstack"
  rm -rf "$FS_ROOT"
  mkdir -p "$libs/dynamodb-local" "$libs/java"
  ln -s "$ddb_dir" "$libs/dynamodb-local/2"
  ln -s "$jdk" "$libs/java/21"
}

# --- running ---------------------------------------------------------------------------------------
healthy() {
  curl --silent --fail --max-time 2 --output /dev/null "$ENDPOINT/_localstack/health" 2>/dev/null
}

# LocalStack starts DynamoDB Local (a JVM) on the first DynamoDB call; make that call part of the start,
# so that a broken DynamoDB Local fails here rather than in the first test. LocalStack does not check
# signatures; the credential scope names the account and region.
dynamodb_answers() {
  curl --silent --fail --max-time 30 --output /dev/null "$ENDPOINT/" \
    -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=emulator/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    -d '{}' 2>/dev/null
}

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
    log "LocalStack already running (pid $(our_pid)) on $ENDPOINT"
    echo "export AWS_ENDPOINT_URL=$ENDPOINT"; return 0
  fi
  if healthy; then
    log "a LocalStack not started by this script already answers on $ENDPOINT; using it"
    echo "export AWS_ENDPOINT_URL=$ENDPOINT"; return 0
  fi
  if port_in_use; then
    log "port $PORT is taken by something that is not LocalStack; set LOCALSTACK_PORT to a free port"; return 1
  fi
  mkdir -p "$VENV"
  ensure_python_installed
  local jdk ddb_dir
  jdk="$(java_home)"
  ddb_dir="$(ensure_dynamodb_local)"
  prepare_filesystem_root "$ddb_dir" "$jdk"
  rm -f "$PID_FILE"
  log "starting LocalStack $LOCALSTACK_VERSION (host mode, no Docker) on $ENDPOINT (log: $LOG_FILE)"
  # setsid: LocalStack and its DynamoDB Local JVM form their own process group, which stop ends.
  # DNS_ADDRESS=0: no DNS server on port 53; SKIP_SSL_CERT_DOWNLOAD / DISABLE_EVENTS: no internet calls;
  # LOCALSTACK_HOST + SQS_ENDPOINT_STRATEGY=path: queue URLs point back at this port.
  env -u AWS_ENDPOINT_URL \
    OVERRIDE_IN_DOCKER=0 FILESYSTEM_ROOT="$FS_ROOT" GATEWAY_LISTEN="$HOST:$PORT" \
    LOCALSTACK_HOST="$HOST:$PORT" SQS_ENDPOINT_STRATEGY=path \
    PROVIDER_OVERRIDE_DYNAMODB=v2 PROVIDER_OVERRIDE_DYNAMODBSTREAMS=v2 \
    SERVICES="$SERVICES" DNS_ADDRESS=0 SKIP_SSL_CERT_DOWNLOAD=1 DISABLE_EVENTS=1 \
    JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH" \
    setsid nohup "$VENV/bin/python" -m localstack.runtime.main >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  local waited=0 limit=$((START_TIMEOUT_SECONDS * 5))
  until healthy && dynamodb_answers; do
    if ! our_pid >/dev/null; then
      log "LocalStack exited during start-up; last log lines:"; tail -n 30 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"; return 1
    fi
    if [ "$waited" -ge "$limit" ]; then
      log "LocalStack not healthy after ${START_TIMEOUT_SECONDS}s; last log lines:"; tail -n 30 "$LOG_FILE" >&2 || true
      stop; return 1
    fi
    sleep 0.2; waited=$((waited + 1))
  done
  log "LocalStack healthy, DynamoDB answering (pid $(cat "$PID_FILE"))"
  echo "export AWS_ENDPOINT_URL=$ENDPOINT"
}

stop() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"; log "no LocalStack started by this script is running on port $PORT"; return 0
  fi
  # The pid is a process-group leader (setsid): signal the group, i.e. LocalStack and its DynamoDB Local.
  kill -TERM -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 -- "-$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE"
  log "LocalStack (pid $pid and its children) stopped"
}

status() {
  local pid
  if healthy; then
    if pid="$(our_pid)"; then log "LocalStack running (pid $pid) on $ENDPOINT"; else log "LocalStack (not started by this script) answers on $ENDPOINT"; fi
    return 0
  fi
  log "no LocalStack answers on $ENDPOINT"; return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
