#!/usr/bin/env bash
# The main job: a local cluster serving the example app, in the foreground until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
address="${TROUPE_ADDRESS:-127.0.0.1:7420}"
port="${address##*:}"

node packages/cli/bin/troupe.js start --port "$port" --http-port "${TROUPE_HTTP_PORT:-8000}" &
cluster=$!
trap 'kill -INT $cluster 2>/dev/null; wait $cluster' INT TERM EXIT

for _ in $(seq 1 120); do
  node packages/cli/bin/troupe.js status --address "$address" >/dev/null 2>&1 && break
  sleep 0.5
done
node packages/cli/bin/troupe.js deploy examples/app.yaml --address "$address"
cat <<MSG

The example app is served. Try:
  curl http://127.0.0.1:${TROUPE_HTTP_PORT:-8000}/api/ada?lang=en
  curl -X POST -d hello http://127.0.0.1:${TROUPE_HTTP_PORT:-8000}/api/ada
  curl http://127.0.0.1:${TROUPE_HTTP_PORT:-8000}/greet/bob
  npx troupe status
Ctrl-C stops the cluster.
MSG
wait $cluster
