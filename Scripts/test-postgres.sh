#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server for the store tests: its own cluster in a temporary folder, trust
# authentication, listening on 127.0.0.1 only, so it never touches a server the machine already runs.
#   eval "$(Scripts/test-postgres.sh start)"   # exports SHUZHI_TEST_POSTGRES and SHUZHI_TEST_POSTGRES_DIR
#   Scripts/test-postgres.sh stop "$SHUZHI_TEST_POSTGRES_DIR"
# Tests run it with fsync off (nothing to keep); `start --durable` keeps PostgreSQL's defaults, for benchmarks.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
# initdb refuses to run as root: run the server as the postgres user Debian's package creates.
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)

case "${1:-}" in
start)
  sync="-c fsync=off"
  [ "${2:-}" = "--durable" ] && sync=""
  port=${SHUZHI_TEST_POSTGRES_PORT:-54329}
  # The next port nothing listens on, so a second run beside a first does not collide.
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  dir=$(mktemp -d /tmp/shuzhi-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U shuzhi -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $sync -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export SHUZHI_TEST_POSTGRES=postgres://shuzhi@127.0.0.1:$port/postgres SHUZHI_TEST_POSTGRES_DIR=$dir"
  ;;
stop)
  dir=${2:?folder printed by start}
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start [--durable] | stop DIR" >&2; exit 2 ;;
esac
