# Shared settings for start.sh / stop.sh. Sourced, not executed.
# All knobs can be overridden from the environment.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

ES_VERSION="${ES_VERSION:-8.19.21}"   # must stay 8.19.x to match @elastic/elasticsearch@8.19
ES_PORT="${ES_PORT:-9200}"
ES_USER="${ES_USER:-gongkai-es}"      # ES refuses to run as root, so root runs it as this user
ES_HEAP="${ES_HEAP:-512m}"
ES_BOOT_TIMEOUT="${ES_BOOT_TIMEOUT:-120}"

ES_CACHE_DIR="$REPO_DIR/.es/cache"    # the downloaded zip (read by root/us only)
ES_ZIP="$ES_CACHE_DIR/elasticsearch-$ES_VERSION.zip"
ES_URL="http://127.0.0.1:$ES_PORT"

# Where the unpacked distribution and the node's data/logs live. Normally
# .es/ in the repo; if the ES user cannot traverse the repo path (e.g. the repo
# sits under a 0700 home directory) start.sh switches to ES_RUN_FALLBACK.
# stop.sh finds the pidfile in either place.
ES_RUN_FALLBACK="${ES_RUN_FALLBACK:-/var/tmp/gongkai-es}"

node_dir() { echo "$1/node-$ES_PORT"; }

# True when the node answers and the cluster is at least yellow.
es_healthy() {
  curl -fsS -m 5 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

# Print the node dir holding the first existing, live pidfile for this port.
running_node() {
  local d pid
  for d in "$REPO_DIR/.es" "$ES_RUN_FALLBACK"; do
    local f; f="$(node_dir "$d")/es.pid"
    if [[ -s "$f" ]]; then
      pid="$(cat "$f")"
      if kill -0 "$pid" 2>/dev/null; then node_dir "$d"; return 0; fi
    fi
  done
  return 1
}

# Print the pid from the first existing, live pidfile for this port.
running_pid() {
  local n; n="$(running_node)" || return 1
  cat "$n/es.pid"
}
