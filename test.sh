#!/usr/bin/env bash
# Runs every test: unit tests, processor tests (compile-testing, golden files, ecj, fuzz), store tests against
# real servers, the session suite on Jetty 12 and Tomcat 11, and the integration builds (real `mvn` builds on
# JDK 17 and JDK 25). Usage: ./test.sh [extra mvn args]
#
# The servers the tests need (Redis, memcached, PostgreSQL, MariaDB) come from Debian's packages, installed here
# when missing. The tests start their own instances on free loopback ports (never the default ports), in
# temporary directories, and stop them afterwards.
set -euo pipefail
cd "$(dirname "$0")"

# The servers the tests need, from Debian's packages when missing (see scripts/install-servers.sh).
bash scripts/install-servers.sh

if [ ! -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  echo "note: JDK 25 not found at /usr/lib/jvm/temurin-25-jdk-amd64: the JDK 25 integration builds are skipped" >&2
fi

mvn -B -ntp install "$@"
