#!/usr/bin/env bash
# Every test: generated code and CRDs must match their sources, then one mocha run over the
# packages' unit tests and the cross-service tests, then the end-to-end run on a real two-node
# Kubernetes cluster (test/e2e). Builds and caches what the tests need first (Debian packages,
# Kubernetes binaries from the Go module proxy). Ends with ONE line `N passed, N failed,
# N skipped` counting both mocha runs.
#   scripts/test.sh                 everything
#   scripts/test.sh FILE...         only these spec files (no end-to-end run unless named)
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
# The test process itself logs warnings only; cluster processes log to their own files.
export TROUPE_LOG_LEVEL="${TROUPE_LOG_LEVEL:-warn}"
bash scripts/install-test-packages.sh || status=1
bash scripts/build-test-binaries.sh cluster || status=1
npm run --silent proto:check || status=1
npm run --silent crds:check || status=1
npx tsc -b tsconfig.json || status=1
npm run --silent cycles >/dev/null || { echo 'import cycles found: npm run cycles'; status=1; }
# Test code is run by tsx, which does not type-check: check it here.
npx tsc -p tsconfig.test.json || status=1
npx tsc -p bench/tsconfig.json || status=1

summary="$(mktemp "${TMPDIR:-/tmp}/troupe-summary.XXXXXX")"
trap 'rm -f "$summary"' EXIT
export TROUPE_SUMMARY_FILE="$summary"
runs=0
run_mocha() { # label, mocha arguments...
  local label="$1" before after
  shift
  before=$(wc -l <"$summary")
  runs=$((runs + 1))
  npx mocha "$@" || status=1
  after=$(wc -l <"$summary")
  # A run that died before its reporter finished still counts, as one failure.
  if [[ "$after" == "$before" ]]; then
    echo "the $label run ended without a summary"
    echo '{"passed":0,"failed":1,"skipped":0}' >>"$summary"
    status=1
  fi
}

if (($# > 0)); then
  run_mocha 'selected' "$@"
else
  run_mocha 'unit and integration'
  # The e2e run reuses a cluster that is up (npm run cluster:up) and leaves it up; one it had
  # to bring up itself is torn down afterwards, so the test command leaves nothing running.
  cluster_was_up=0
  npx tsx scripts/cluster.ts status >/dev/null 2>&1 && cluster_was_up=1
  run_mocha 'end-to-end' --config test/e2e/.mocharc.json
  if ((cluster_was_up == 0)); then npx tsx scripts/cluster.ts down || status=1; fi
fi
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
  const sum = (k) => lines.reduce((n, l) => n + l[k], 0);
  console.log(`${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
' "$summary"
exit $status
