#!/usr/bin/env bash
# Stop the node started by start.sh (same ES_PORT), via its pidfile. Idempotent.
#   stop.sh                      stop it, whoever started it
#   stop.sh --if-started-by ID   stop it only if start.sh launched it with GONGKAI_TEST_RUN=ID
#                                (what scripts/test.mjs does after a run: a node that was
#                                running before the run, or that someone else started, stays)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

log() { echo "[es] $*" >&2; }

only_if=""
if [[ "${1:-}" == "--if-started-by" ]]; then
  only_if="${2:?--if-started-by needs a run id}"
fi

if ! node="$(running_node)"; then
  [[ -n "$only_if" ]] || log "not running (no live pidfile for port $ES_PORT)"
  exit 0
fi
pid="$(cat "$node/es.pid")"
if [[ -n "$only_if" && "$(cat "$node/started-by" 2>/dev/null || true)" != "$only_if" ]]; then
  exit 0   # not started by that run: leave it running, silently
fi

log "stopping pid $pid"
kill -TERM "$pid"
# ES flushes and closes shards on SIGTERM; give it time before SIGKILL.
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$node/started-by"; log "stopped"; exit 0; }
  sleep 1
done
log "still alive after 60s; sending SIGKILL"
kill -KILL "$pid" 2>/dev/null || true
for _ in $(seq 1 10); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$node/started-by"; log "killed"; exit 0; }
  sleep 1
done
log "could not stop pid $pid"
exit 1
