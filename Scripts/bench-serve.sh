#!/usr/bin/env bash
# Load on `shuzhi serve` (issue 7): wrk posting a 5,000-character report to /api/check on loopback for 30 s, twice,
# with the server's resident memory before, between and after. Usage: Scripts/bench-serve.sh [path/to/shuzhi]
# (default: a release build). Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-}
if [ -z "$binary" ]; then
  swift build -c release --product shuzhi >/dev/null
  binary=.build/release/shuzhi
fi
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

# The first 5,000 characters of the bundled sample and the shared samples, as the page posts pasted text.
python3 - "$work/body.json" <<'PY'
import glob, json, sys
text = ""
for path in ["Examples/sample-report.txt"] + sorted(glob.glob("../shared/samples/*.txt")):
    text += open(path, encoding="utf-8").read()
    if len(text) >= 5000: break
json.dump({"text": text[:5000]}, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json", "rb"); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.1f  p50 %.1f ms  p99 %.1f ms  non-2xx/errors %d/%d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
"$binary" serve --port 8399 --store "$work/corpus.sqlite" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:8399/api/health >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$server/status; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); $($binary --version)"
echo "resident before: $(rss)"
for run in 1 2; do
  echo "run $run: wrk -t2 -c8 -d30s"
  wrk -t2 -c8 -d30s --latency -s "$work/post.lua" http://127.0.0.1:8399/api/check | grep -E "requests/s|Socket errors" || true
  echo "resident after run $run: $(rss)"
done
