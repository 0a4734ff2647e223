#!/usr/bin/env bash
# Runs every test: unit tests, processor tests (compile-testing, golden files, ecj, fuzz), store tests against
# real servers, the session suite on Jetty 12 and Tomcat 11, and the integration builds (real `mvn` builds on
# JDK 17 and JDK 25). Usage: ./test.sh [extra mvn args]
#
# The servers the tests need come from Debian's packages, installed here when missing. The tests start their
# own instances on free loopback ports (never the default ports) and stop them afterwards.
set -euo pipefail
cd "$(dirname "$0")"

# Debian package -> a binary it provides.
declare -A SERVERS=([redis-server]=redis-server)

missing=()
for package in "${!SERVERS[@]}"; do
  command -v "${SERVERS[$package]}" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # Keep the packages' own services from starting on the default ports: the tests start their own.
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  $SUDO rm -f /usr/sbin/policy-rc.d
  trap - EXIT
fi

if [ ! -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  echo "note: JDK 25 not found at /usr/lib/jvm/temurin-25-jdk-amd64: the JDK 25 integration builds are skipped" >&2
fi

mvn -B -ntp install "$@"
