#!/usr/bin/env bash
# Prints the home of a JDK 25 (the Lambda java25 runtime), or explains on stderr and exits 1.
# Order: JAVA_HOME if it is a JDK 25, the `java` on PATH if it is 25, /usr/lib/jvm/*25* (Temurin first).
# Used by local/run and deploy/Makefile (sam build), so a machine whose default java is 17 works.
#   JAVA_HOME="$(scripts/find-jdk25.sh)" || exit 1
set -euo pipefail

is_jdk25() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && "$1/bin/java" -version 2>&1 | head -n1 | grep -q '"25'; }

if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
  echo "$JAVA_HOME"; exit 0
fi
if command -v java >/dev/null 2>&1; then
  home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  if is_jdk25 "$home"; then echo "$home"; exit 0; fi
fi
for home in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/*-25* /usr/lib/jvm/*25*; do
  if is_jdk25 "$home"; then echo "$home"; exit 0; fi
done
echo "No JDK 25 found (JAVA_HOME=${JAVA_HOME:-unset}; java on PATH: $(java -version 2>&1 | head -n1 || echo none))." >&2
echo "The functions run on the Lambda java25 runtime: install a JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it." >&2
exit 1
