#!/usr/bin/env bash
# The API against its own contract (issue 25): schemathesis (PyPI) against `shuzhi serve`'s /openapi.json on
# loopback, every endpoint and every check, and then the same server again with an access token, once with the token
# and once without (every /api request is then 401). The server runs under strace, and every file it opens to write,
# creates, renames or deletes must be inside its store's folder or the temporary folder.
#   [SEED=n] Scripts/api-contract.sh [SHUZHI_BINARY] [EXAMPLES_PER_OPERATION]     (the seed is 25 unless given)
# Needs python3 (schemathesis goes into .build/api-contract-venv) and strace.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/shuzhi}
examples=${2:-50}
[ -x "$binary" ] || swift build --product shuzhi >&2
command -v strace >/dev/null || { echo "strace is needed (apt-get install strace)" >&2; exit 2; }

venv=.build/api-contract-venv
[ -x "$venv/bin/st" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q "schemathesis>=4,<5"; }

work=$(mktemp -d)
export TMPDIR="$work/tmp" HOME="$work/home"
mkdir -p "$TMPDIR" "$HOME"
server=""
trap '[ -n "$server" ] && pkill -TERM -P "$server"; wait 2>/dev/null; rm -rf "$work"' EXIT
failed=0

# Starts the server under strace on a free port; sets $server and $port.
start() {
  local store="$work/store-$1" log="$work/serve-$1.log"
  mkdir -p "$store"; : > "$log"
  shift
  strace -f -qq -y -e trace=openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat -o "$work/strace-$(basename "$store").log" \
    "$binary" serve --port 0 --store "$store/corpus.sqlite" "$@" > "$log" 2>&1 &
  server=$!
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\).*|\1|p' "$log" | head -1)
    [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/" -H "Authorization: Bearer ${token:-}" && return
    sleep 0.2
  done
  echo "the server did not start:" >&2; cat "$log" >&2; exit 1
}

# strace blocks fatal signals when it writes to a file (-I3): stop the server it runs, and strace ends with it.
stop() { pkill -TERM -P "$server" || true; wait "$server" 2>/dev/null || true; server=""; }

contract() {
  local name=$1; shift
  echo "== schemathesis: $name" >&2
  SCHEMATHESIS_HOOKS=hooks PYTHONPATH=Scripts/api-contract \
    "$venv/bin/st" --config-file Scripts/api-contract/schemathesis.toml run "http://127.0.0.1:$port/openapi.json" \
    --checks all --max-examples "$examples" --workers 1 --seed "${SEED:-25}" "$@" || failed=1
}

token=""
start open
contract "loopback, no token"
stop

token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
start token --token "$token"
contract "with the token" -H "Authorization: Bearer $token"
# Without it every operation must answer 401 (documented); the schema itself is behind the token too, so it is read
# from the file.
echo "== schemathesis: token set, none sent" >&2
SCHEMATHESIS_HOOKS=hooks PYTHONPATH=Scripts/api-contract \
  "$venv/bin/st" --config-file Scripts/api-contract/schemathesis.toml run Sources/CShuzhiWebAssets/openapi.json \
  --url "http://127.0.0.1:$port" --checks all --max-examples 5 --workers 1 --seed "${SEED:-25}" || failed=1
unauthorized=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/rules")
[ "$unauthorized" = 401 ] || { echo "without the token /api/rules answered $unauthorized, not 401" >&2; failed=1; }
stop

# Every write the servers and the programs they start made: the store's folder (the SQLite file and its journal) and
# the temporary folder only.
echo "== files written" >&2
outside=$(python3 - "$work" "$TMPDIR" "$PWD" "$work"/strace-*.log <<'PY'
import os, re, sys
work, tmp, cwd, logs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
allowed = [os.path.join(work, d) for d in os.listdir(work) if d.startswith("store-")] + [tmp]
writing = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|^\d+ +(creat|rename|unlink|mkdir)")
seen = set()
for log in logs:
    for line in open(log, errors="replace"):
        if " = -1 " in line or not writing.search(line):
            continue
        call = line.split("(", 1)[1] if "(" in line else ""
        # With -y a directory descriptor shows its path, 3</tmp/x>; a relative name is relative to it (or to the
        # working folder for AT_FDCWD). Every name the call gives counts (rename has two).
        for fd, fd_path, name in re.findall(r'(?:(AT_FDCWD|\d+)(?:<([^>]*)>)?, )?"([^"]*)"', call):
            base = fd_path or cwd
            path = os.path.normpath(name if name.startswith("/") else os.path.join(base, name))
            if path.startswith("/proc/") or path in ("/dev/null", "/dev/tty", "/dev/urandom"):
                continue  # the kernel's view of a process (Chromium sets its oom_score_adj), not the file system
            if not any(path == a or path.startswith(a + "/") for a in allowed):
                seen.add(path)
print("\n".join(sorted(seen)))
PY
)
if [ -n "$outside" ]; then
  echo "the server wrote outside its store and the temporary folder:" >&2; echo "$outside" >&2; failed=1
else
  echo "only the store's folder and the temporary folder" >&2
fi
exit $failed
