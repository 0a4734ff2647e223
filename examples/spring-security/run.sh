#!/usr/bin/env bash
# Builds and starts the shop on http://localhost:8080 with Redis sessions. Without SESSION_REDIS it starts a
# throwaway redis-server on port 6390 (stopped with the shop); without SECRET_KEY it makes one and keeps it in
# target/dev-secret-key, so that a second instance started the same way shares the sessions:
#   ./run.sh                                              # instance 1, http://localhost:8080
#   SESSION_REDIS=redis://127.0.0.1:6390/0 ./run.sh --server.port=8081    # instance 2
set -euo pipefail
cd "$(dirname "$0")"

(cd ../.. && mvn -q install -DskipTests -pl examples/spring-security -am)

if [ -z "${SESSION_REDIS:-}" ]; then
  command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server), or set SESSION_REDIS" >&2; exit 1; }
  redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no >/dev/null &
  trap 'kill $! 2>/dev/null' EXIT
  export SESSION_REDIS=redis://127.0.0.1:6390/0
fi
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s target/dev-secret-key ] || head -c 36 /dev/urandom | base64 | tr '+/' '-_' > target/dev-secret-key
  SECRET_KEY=$(cat target/dev-secret-key)
  export SECRET_KEY
fi
echo "Log in as ann, bob, cat, dan or eve with the password ${SHOP_DEMO_PASSWORD:-shop-demo}"
java -jar target/shop-0.1.0-SNAPSHOT.jar "$@"
