#!/usr/bin/env bash
# Runs the jqwik properties of the unit suites with many more tries than CI does, on a copy of a commit, to find
# failures that CI's one run with a random seed would hit only on some seeds (docs/decisions.md, "S4 Property stress").
#
#   scripts/stress-properties.sh [FACTOR] [REF] [MODULE...]
#
#   FACTOR   multiplies every @Property's tries (a bare @Property counts as jqwik's 1,000); default 30
#   REF      the commit to stress (git archive of it; the working tree is never touched); default HEAD
#   MODULE   modules whose *Properties / *Test classes with a @Property run; default shared-domain infra functions
#
# Surefire classes only (failsafe ITs with properties are slow on DynamoDB Local: raise their tries by hand).
# Builds offline (./mvnw -o) in a temporary directory and never installs; prints each failing property's seed and
# sample (jqwik's report) and exits non-zero when one failed. At FACTOR 30 the three modules take 3 (idle) to 10 minutes
# (busy) on a 2-core machine. Reproduce a failure with @Property(seed = "<seed>") on the failing property.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FACTOR="${1:-30}"
REF="${2:-HEAD}"
shift $(( $# > 2 ? 2 : $# ))
MODULES=("$@")
if [ ${#MODULES[@]} -eq 0 ]; then
  MODULES=(shared-domain infra functions)
fi
case "$FACTOR" in
  '' | *[!0-9]*) echo "FACTOR must be a whole number, got: $FACTOR" >&2; exit 2 ;;
esac

COPY="$(mktemp -d "${TMPDIR:-/tmp}/stress-properties.XXXXXX")"
trap 'rm -rf "$COPY"' EXIT
git -C "$ROOT" archive "$REF" | tar -x -C "$COPY"

classes=()
for module in "${MODULES[@]}"; do
  while IFS= read -r file; do
    perl -0pi -e 's/\@Property\(tries = (\d+)\)/"\@Property(tries = ".($1*'"$FACTOR"').")"/ge;
                  s/\@Property(?![\(\w])/"\@Property(tries = ".(1000*'"$FACTOR"').")"/ge' "$file"
    classes+=("$(basename "$file" .java)")
  done < <(grep -rlE '@Property(\(|$|[[:space:]])' --include='*Properties.java' --include='*Test.java' \
             "$COPY/$module/src/test/java" || true)
done
if [ ${#classes[@]} -eq 0 ]; then
  echo "no property classes in: ${MODULES[*]}" >&2
  exit 2
fi
echo "stress x$FACTOR of $REF: ${#classes[@]} classes in ${MODULES[*]}" >&2

IFS=, ; tests="${classes[*]}"; modules="${MODULES[*]}"; unset IFS
log="$COPY/stress.log"
status=0
( cd "$COPY" && ./mvnw -B -ntp -o -pl "$modules" -am test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djqwik.reporting.onlyfailures=true ) >"$log" 2>&1 || status=$?
grep -E 'Tests run:.*in com\.|FAIL|BUILD' "$log" >&2 || true
if [ "$status" -ne 0 ]; then
  # jqwik's report of each failure: the property, its seed and the (shrunk) sample
  grep -E -B14 -A30 '^seed = ' "$log" | head -400 >&2 || tail -200 "$log" >&2
  echo "stress x$FACTOR of $REF: FAILED (full log kept: $ROOT/target/stress-properties.log)" >&2
  mkdir -p "$ROOT/target" && cp "$log" "$ROOT/target/stress-properties.log"
fi
exit "$status"
