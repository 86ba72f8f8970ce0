#!/usr/bin/env bash
# Every test: generated code and CRDs must match their sources, then one mocha run over the
# packages' unit tests and the cross-service tests. Ends with `N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
# The test process itself logs warnings only; cluster processes log to their own files.
export TROUPE_LOG_LEVEL="${TROUPE_LOG_LEVEL:-warn}"
npm run --silent proto:check || status=1
if npm run --silent 2>/dev/null | grep -q 'crds:check'; then npm run --silent crds:check || status=1; fi
npx tsc -b packages/*/tsconfig.json || status=1
npx mocha "$@" || status=1
exit $status
