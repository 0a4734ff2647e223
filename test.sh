#!/usr/bin/env bash
# Runs every test: unit tests, processor tests (compile-testing, golden files, ecj, fuzz) and the
# integration builds (real `mvn` builds on JDK 17 and JDK 25). Usage: ./test.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  echo "note: JDK 25 not found at /usr/lib/jvm/temurin-25-jdk-amd64; the JDK 25 integration builds will say so and fail" >&2
fi

mvn -B -ntp install "$@"
