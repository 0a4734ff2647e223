#!/usr/bin/env bash
# Builds sessionconfig, runs the example's generated loader, then compiles the Flask mistakes to show the
# build failing on them. Usage: bash examples/config-check/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== Building sessionconfig (tests skipped; run ./test.sh for them)"
mvn -q -B install -DskipTests

echo
echo "== A good config: describe() and load(), with SECRET_KEY from the environment"
SECRET_KEY="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" APP_ENV=production \
  mvn -q -B -f examples/config-check exec:java

echo
echo "== The same config in development, with no SECRET_KEY at all: an ephemeral key and a warning"
env -u SECRET_KEY APP_ENV=development mvn -q -B -f examples/config-check exec:java

echo
echo "== The Flask mistakes (examples/config-check/broken): the build must fail"
if mvn -B -f examples/config-check/broken compile > target-broken.log 2>&1; then
  echo "unexpected: the broken example compiled"; rm -f target-broken.log; exit 1
fi
grep -E '\[(ERROR|WARNING)\] .*\.java:\[[0-9]+,[0-9]+\] \[[A-Za-z]+\]' target-broken.log | awk '!seen[$0]++'
rm -f target-broken.log
echo
echo "The build failed as it should: each line names the file, the line and how to fix it."
