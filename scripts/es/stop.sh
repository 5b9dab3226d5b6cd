#!/usr/bin/env bash
# Stop the node started by start.sh (same ES_PORT), via its pidfile. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

log() { echo "[es] $*" >&2; }

if ! pid="$(running_pid)"; then
  log "not running (no live pidfile for port $ES_PORT)"
  exit 0
fi

log "stopping pid $pid"
kill -TERM "$pid"
# ES flushes and closes shards on SIGTERM; give it time before SIGKILL.
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { log "stopped"; exit 0; }
  sleep 1
done
log "still alive after 60s; sending SIGKILL"
kill -KILL "$pid" 2>/dev/null || true
for _ in $(seq 1 10); do
  kill -0 "$pid" 2>/dev/null || { log "killed"; exit 0; }
  sleep 1
done
log "could not stop pid $pid"
exit 1
