#!/usr/bin/env bash
# BENCHMARKS.md "Copying", in one run: shuzhi's copy benchmark on a SQLite store and on a PostgreSQL store (a
# throwaway server with PostgreSQL's default durability, fsync on), then the peer, datasketch's MinHash LSH, on the
# same exported benchmark. Needs a release build, PostgreSQL from Debian and `pip install datasketch`.
#   swift build -c release --product shuzhi && Scripts/bench-copying.sh ../shared/corpus
set -euo pipefail
corpus=${1:?corpus folder (../shared/corpus)}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
shuzhi=${SHUZHI:-$here/.build/release/shuzhi}
work=$(mktemp -d /tmp/shuzhi-bench.XXXXXX)
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
pg_dir=""
cleanup() {
  [ -n "$pg_dir" ] && "$here/Scripts/test-postgres.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $("$shuzhi" --version), $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1 | cut -d/ -f5 | sed 's/^/PostgreSQL /'), $(python3 --version)"
echo
echo "## shuzhi, SQLite"
"$shuzhi" eval copying "$corpus" --store "$work/corpus.sqlite" --export "$work/export" "$@"
echo
echo "## shuzhi, PostgreSQL"
eval "$("$here/Scripts/test-postgres.sh" start --durable)"
pg_dir=$SHUZHI_TEST_POSTGRES_DIR
"$shuzhi" eval copying "$corpus" --store "$SHUZHI_TEST_POSTGRES" "$@"
echo
echo "## datasketch MinHash LSH (peer), the same benchmark"
python3 "$here/Scripts/bench-minhash.py" "$work/export"
