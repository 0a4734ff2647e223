#!/usr/bin/env bash
# Installs, from Debian's packages, the servers that tests and benchmarks start (Redis, memcached, PostgreSQL,
# MariaDB) when they are missing, without letting the packages start their own services on the default ports.
# Usage: scripts/install-servers.sh [package...]   (default: all four)
set -euo pipefail

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

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=("${!SERVERS[@]}")
missing=()
for package in "${wanted[@]}"; do
  [ -n "${SERVERS[$package]+set}" ] || { echo "install-servers.sh: unknown package $package (known: ${!SERVERS[*]})" >&2; exit 2; }
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
