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

# Debian package -> a binary it provides: a command on the PATH, or a path (a glob: PostgreSQL's binaries live in
# /usr/lib/postgresql/<version>/bin, not on the PATH). test-support's launchers (RedisServer, MemcachedServer,
# PostgresServer, MariaDbServer) start them.
declare -A SERVERS=(
  [redis-server]=redis-server
  [memcached]=memcached
  [postgresql]='/usr/lib/postgresql/*/bin/postgres'
  [mariadb-server]=mariadb-install-db
)

installed() {
  case "$1" in
    */*) compgen -G "$1" >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for package in "${!SERVERS[@]}"; do
  installed "${SERVERS[$package]}" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # Keep the packages' own services from starting on the default ports: the tests start their own. A
  # policy-rc.d that was there before (Debian's Docker images ship one) is put back afterwards.
  saved=""
  if [ -e /usr/sbin/policy-rc.d ]; then
    saved="$(mktemp)"
    $SUDO cp -p /usr/sbin/policy-rc.d "$saved"
  fi
  restore_policy() {
    if [ -n "$saved" ]; then $SUDO mv -f "$saved" /usr/sbin/policy-rc.d; else $SUDO rm -f /usr/sbin/policy-rc.d; fi
  }
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap restore_policy EXIT
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  restore_policy
  trap - EXIT
fi

if [ ! -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  echo "note: JDK 25 not found at /usr/lib/jvm/temurin-25-jdk-amd64: the JDK 25 integration builds are skipped" >&2
fi

mvn -B -ntp install "$@"
