#!/usr/bin/env bash
# Installs Ray Serve into a virtualenv outside the repo, for the side-by-side benchmark
# (bench/ray/). The venv is large (hundreds of MiB), so it never lives in the work tree.
# Usage: bash scripts/setup-ray.sh        (idempotent; re-run to repair a broken venv)
set -euo pipefail

VENV="${TROUPE_RAY_VENV:-$HOME/.cache/troupe/ray-venv}"
PYTHON="${PYTHON:-python3}"
# 2.55+: the bench also measures Serve's high-throughput mode (HAProxy ingress), added then.
RAY_SPEC="${TROUPE_RAY_SPEC:-ray[serve]>=2.55,<3}"

if [ -x "$VENV/bin/serve" ] && "$VENV/bin/python" -c '
import sys, ray.serve
sys.exit(0 if tuple(int(x) for x in ray.__version__.split(".")[:2]) >= (2, 55) else 1)' 2>/dev/null; then
  echo "ray already installed in $VENV ($("$VENV/bin/python" -c 'import ray; print(ray.__version__)'))"
  exit 0
fi

mkdir -p "$(dirname "$VENV")"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --upgrade --quiet pip
"$VENV/bin/python" -m pip install --upgrade "$RAY_SPEC"
"$VENV/bin/python" -c 'import ray, ray.serve; print("installed ray", ray.__version__)'
echo "venv: $VENV"
