#!/usr/bin/env python3
"""Benchmark of `shuzhi check` beside the peer autocorrect-py (PyPI, the Python binding of the Rust autocorrect
linter), on the same inputs, in the same run, pinned to one core.

    pip install autocorrect-py==2.14.0
    swift build -c release
    python3 Scripts/make-bench-text.py
    taskset -c 0 python3 Scripts/bench.py

Measures
1. in-process throughput on bench-data/report-1mb.txt (1 MiB of 政府工作报告 prose): Shuzhi's own --timings
   (read + decode + analysis + all default rules, no output), autocorrect's lint_for() wall time;
2. the same 1 MiB split into 16 chunks of ≤ 64 KiB at line boundaries (autocorrect's parser gives up on texts past
   ~750 KB with "call limit reached", so this is where both tools can be compared on identical bytes);
3. whole-process time of one 5,000-character report (bench-data/report-5k.txt): `shuzhi check` vs a `python3`
   process that imports autocorrect_py and lints the file.
Median of N runs each."""
import os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
SHUZHI = os.path.join(ROOT, ".build", "release", "shuzhi")
DATA = os.path.join(ROOT, "bench-data")
BIG = os.path.join(DATA, "report-1mb.txt")
SMALL = os.path.join(DATA, "report-5k.txt")
RUNS = 15

import autocorrect_py

def median_time(fn, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return statistics.median(times)

def shuzhi_in_process(paths, extra=()):
    """Sum of ingest + analysis + rules from --timings, median over runs."""
    totals = []
    for _ in range(RUNS):
        r = subprocess.run([SHUZHI, "check", "--format", "json", "--timings", *extra, *paths], capture_output=True, text=True)
        ms = [float(x) for x in re.findall(r"(?:ingest|analysis|rules)\s+([\d.]+) ms", r.stderr)]
        totals.append(sum(ms) / 1000)
    return statistics.median(totals), r

def chunks(text, size=64 * 1024):
    out, cur, n = [], [], 0
    for line in text.splitlines(True):
        b = len(line.encode())
        if n + b > size and cur:
            out.append("".join(cur)); cur, n = [], 0
        cur.append(line); n += b
    if cur: out.append("".join(cur))
    return out

def main():
    big = open(BIG, encoding="utf-8").read()
    big_bytes = len(big.encode())
    mb = big_bytes / 1e6
    rows = []

    t, r = shuzhi_in_process([BIG])
    findings = len(re.findall(r'"rule"', r.stdout))
    import json
    rules = json.loads(subprocess.run([SHUZHI, "rules", "--format", "json"], capture_output=True, text=True).stdout)
    enabled = sum(1 for r in rules if r["enabledByDefault"])
    rows.append(("Shuzhi `check`, 1 MiB as one file", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", f"{findings} findings; {enabled} default rules"))
    # The typo family scores candidate corrections with the lexicon and language model: most of the time. Without
    # it Shuzhi checks what autocorrect checks (and more), which is the like-for-like comparison.
    t, r = shuzhi_in_process([BIG], ["--disable", "typo"])
    findings = len(re.findall(r'"rule"', r.stdout))
    rows.append(("Shuzhi `check --disable typo`, 1 MiB as one file", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", f"{findings} findings"))
    t = median_time(lambda: subprocess.run([SHUZHI, "check", "--format", "json", BIG], capture_output=True))
    rows.append(("whole process: `shuzhi check --format json` on the 1 MiB file", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", "start-up, reading, JSON output included"))
    try:
        autocorrect_py.lint_for(big, "report.txt")
        t = median_time(lambda: autocorrect_py.lint_for(big, "report.txt"))
        rows.append(("autocorrect-py `lint_for`, 1 MiB as one text", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", ""))
    except Exception as e:
        rows.append(("autocorrect-py `lint_for`, 1 MiB as one text", "fails", "—", "“" + str(e).strip().splitlines()[-1].strip(" =") + "”"))

    parts = chunks(big)
    chunk_dir = os.path.join(DATA, "chunks")
    shutil.rmtree(chunk_dir, ignore_errors=True); os.makedirs(chunk_dir)
    paths = []
    for i, p in enumerate(parts):
        path = os.path.join(chunk_dir, f"part-{i:02d}.txt")
        open(path, "w", encoding="utf-8").write(p); paths.append(path)
    t, r = shuzhi_in_process(paths)
    rows.append((f"Shuzhi `check`, same 1 MiB in {len(parts)} files", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", ""))
    t, r = shuzhi_in_process(paths, ["--disable", "typo"])
    rows.append((f"Shuzhi `check --disable typo`, same {len(parts)} files", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", ""))
    count = [0]
    def lint_all():
        count[0] = sum(len(autocorrect_py.lint_for(p, "report.txt").lines) for p in parts)
    t = median_time(lint_all)
    rows.append((f"autocorrect-py `lint_for`, same {len(parts)} chunks", f"{t*1000:.1f} ms", f"{mb/t:.1f} MB/s", f"{count[0]} findings"))

    if shutil.which("valgrind"):
        # valgrind cannot read the debug info of a binary with the compiled data linked in: count a stripped copy.
        out = os.path.join(DATA, "callgrind.out")
        stripped = os.path.join(DATA, "shuzhi-stripped")
        subprocess.run(["strip", "-o", stripped, SHUZHI], check=True)
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", stripped, "check", "--format", "json", BIG],
                       capture_output=True)
        total = next((int(l.split()[1]) for l in open(out) if l.startswith("summary:")), 0)
        rows.append(("instructions, whole `shuzhi check` process on 1 MiB (callgrind)", f"{total/1e6:.0f} M", "", "repeatable whatever the load"))

    small_chars = len(open(SMALL, encoding="utf-8").read())
    t_s = median_time(lambda: subprocess.run([SHUZHI, "check", "--format", "json", SMALL], capture_output=True))
    rows.append((f"whole process: `shuzhi check` on {small_chars} characters", f"{t_s*1000:.1f} ms", "", ""))
    t_s = median_time(lambda: subprocess.run([SHUZHI, "check", "--format", "json", "--disable", "typo", SMALL], capture_output=True))
    rows.append((f"whole process: `shuzhi check --disable typo` on {small_chars} characters", f"{t_s*1000:.1f} ms", "", ""))
    lint = f"import autocorrect_py,sys; r=autocorrect_py.lint_for(open(sys.argv[1],encoding='utf-8').read(),'r.txt'); print(len(r.lines))"
    t_a = median_time(lambda: subprocess.run([sys.executable, "-c", lint, SMALL], capture_output=True))
    rows.append((f"whole process: `python3` + autocorrect-py on the same file", f"{t_a*1000:.1f} ms", "", ""))

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    affinity = len(os.sched_getaffinity(0))
    print(f"Machine: {cpu}; {os.cpu_count()} cores, run pinned to {affinity}; "
          f"{subprocess.run(['swift', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}; "
          f"autocorrect-py {autocorrect_py.__dict__.get('__version__', '2.14.0')}; median of {RUNS} runs.\n")
    print(f"Input: {BIG} — {big_bytes:,} bytes, {len(big):,} characters.\n")
    print("| measurement | time | throughput | note |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")

if __name__ == "__main__":
    main()
