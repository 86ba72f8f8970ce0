#!/usr/bin/env bash
# Every test: generated code and CRDs must match their sources, then one mocha run over the
# packages' unit tests and the cross-service tests. Ends with `N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
# The test process itself logs warnings only; cluster processes log to their own files.
export TROUPE_LOG_LEVEL="${TROUPE_LOG_LEVEL:-warn}"
npm run --silent proto:check || status=1
npm run --silent crds:check || status=1
npx tsc -b tsconfig.json || status=1
npm run --silent cycles >/dev/null || { echo 'import cycles found: npm run cycles'; status=1; }
# Test code is run by tsx, which does not type-check: check it here.
npx tsc -p tsconfig.test.json || status=1
npx tsc -p bench/tsconfig.json || status=1
npx mocha "$@" || status=1
exit $status
