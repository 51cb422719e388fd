#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, with the address sanitizer) of everything Shuzhi reads from untrusted bytes.
#   Scripts/fuzz.sh --list                 the targets, one a line, with what each reads
#   Scripts/fuzz.sh TARGET SECONDS         build and run one target; exit 1 on any crash, hang or sanitizer report
#   Scripts/fuzz.sh --smoke SECONDS        every target for SECONDS each, on its committed corpus (CI)
#   Scripts/fuzz.sh --merge TARGET         minimise TARGET's corpus (keep only inputs that add coverage)
# The harnesses are the package in Fuzz/ (built in Fuzz/.build, apart from the main build). Each run starts from the
# committed corpus Fuzz/Corpus/TARGET (grown by the run) and the seeds in Fuzz/Seeds/TARGET; a finding is written to
# Fuzz/Findings/TARGET/ and becomes a regression test (Tests/ShuzhiKitTests/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz=Fuzz

describe() {
  case "$1" in
    FuzzTextIngest) echo "text in every encoding: sniffing, UTF-8/16, GB18030, lines" ;;
    FuzzDocxIngest) echo ".docx: zip (bomb caps), XML scanner, styles, relationships, source map" ;;
    FuzzReportArchive) echo "a zip of reports (batch upload): names, encryption, sizes" ;;
    FuzzConfiguration) echo ".shuzhi.toml: TOML and the configuration, then a check with it" ;;
    FuzzKnowledge) echo "a knowledge file (--knowledge): JSON and every rule that reads it" ;;
    FuzzPipeline) echo "bytes → document → every rule → JSON/SARIF/text → fixes → Word writers" ;;
    FuzzServer) echo "a request to shuzhi serve in process: query, JSON and multipart readers, batches, routes" ;;
    *) echo "" ;;
  esac
}

targets() { ls "$fuzz/Sources"; }

# The longest input: a megabyte for the readers; the whole pipeline (and a request, which runs it) runs every rule, so
# its inputs stay short enough (64 KiB, some 30 pages) for thousands of runs a minute under the address sanitizer.
max_len() { case "$1" in FuzzPipeline|FuzzServer) echo 65536 ;; *) echo 1048576 ;; esac; }

dictionary() {
  case "$1" in
    FuzzDocxIngest|FuzzReportArchive|FuzzPipeline) echo "$fuzz/Dictionaries/docx.dict" ;;
    FuzzTextIngest) echo "$fuzz/Dictionaries/text.dict" ;;
    FuzzConfiguration) echo "$fuzz/Dictionaries/toml.dict" ;;
    FuzzKnowledge) echo "$fuzz/Dictionaries/json.dict" ;;
    FuzzServer) echo "$fuzz/Dictionaries/server.dict" ;;
  esac
}

# Every harness in one build. The sanitizers go to the compiler as one flag: given `--sanitize fuzzer --sanitize
# address`, SwiftPM passes two -sanitize= flags in an order that changes from run to run (a Set), and swiftc's frontend
# keeps only the last one, so the core came out either without coverage counters (5 instead of ~47,000: libFuzzer
# fuzzed blind) or without the address sanitizer. `--sanitize fuzzer` stays so SwiftPM links libFuzzer's main.
# Without dead stripping, or the linker drops the counters too.
built=""
build() {
  [ -n "$built" ] && return
  swift build --package-path "$fuzz" -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address --disable-dead-strip >&2
  built=1
}

# A harness without the core's coverage counters would run without finding anything, and one without the address
# sanitizer would miss what it is there to catch: refuse both.
instrumented() {
  local n reports
  n=$(ASAN_OPTIONS=detect_leaks=0 "$fuzz/.build/release/$1" -runs=1 2>&1 | sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' | head -1)
  [ "${n:-0}" -ge 10000 ] || { echo "$1 is not instrumented for coverage (${n:-0} counters)" >&2; exit 1; }
  reports=$(nm -u "$fuzz"/.build/release/ShuzhiKit.build/*.o 2>/dev/null | grep -c __asan_report || true)
  [ "${reports:-0}" -ge 100 ] || { echo "the core is not built with the address sanitizer ($reports checks)" >&2; exit 1; }
}

run() {
  local target=$1 seconds=$2
  build
  instrumented "$target"
  mkdir -p "$fuzz/Corpus/$target" "$fuzz/Findings/$target"
  local seeds=()
  [ -d "$fuzz/Seeds/$target" ] && seeds+=("$fuzz/Seeds/$target")
  # Leaks are not findings here (the runtime keeps caches for the process's life); a per-input time limit turns a
  # hang into a finding, and memory is bounded.
  ASAN_OPTIONS=detect_leaks=0:symbolize=1:abort_on_error=1 \
    "$fuzz/.build/release/$target" "$fuzz/Corpus/$target" "${seeds[@]}" \
    -dict="$(dictionary "$target")" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len="$(max_len "$target")" \
    -print_final_stats=1 -artifact_prefix="$fuzz/Findings/$target/"
}

case "${1:-}" in
  --list)
    for t in $(targets); do printf '%-20s %s\n' "$t" "$(describe "$t")"; done ;;
  --smoke)
    seconds=${2:?seconds per target}
    for t in $(targets); do echo "== $t" >&2; run "$t" "$seconds"; done ;;
  --merge)
    target=${2:?target}
    build
    merged=$(mktemp -d)
    ASAN_OPTIONS=detect_leaks=0 "$fuzz/.build/release/$target" -merge=1 "$merged" "$fuzz/Corpus/$target" >&2
    rm -rf "$fuzz/Corpus/$target" && mv "$merged" "$fuzz/Corpus/$target" ;;
  ""|-h|--help)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    target=$1
    targets | grep -qx "$target" || { echo "no such target: $target (Scripts/fuzz.sh --list)" >&2; exit 2; }
    run "$target" "${2:?seconds}" ;;
esac
