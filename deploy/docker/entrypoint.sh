#!/bin/sh
# Runs one Troupe role as PID 1 (exec), so it receives SIGTERM from the kubelet and from the
# proxy's preStop hook directly.
set -e
role="${1:-}"
case "$role" in
  head|worker|proxy|operator)
    # Each entry point takes its role name as its first argument.
    exec node "/app/packages/$role/dist/main.js" "$@"
    ;;
  troupe)
    shift
    exec node /app/packages/cli/dist/main.js "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
