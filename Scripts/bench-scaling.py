#!/usr/bin/env python3
"""Scaling rows: does every step of a check take twice as long on twice the text?

    swift build -c release --product shuzhi
    python3 Scripts/make-bench-text.py
    taskset -c 0 python3 Scripts/bench-scaling.py [--disable typo] [--runs 3]

For each size S of 64 KiB, 1 MiB and 8 MiB it checks bench-data/scale-S.txt and the text twice as long, reads
`--timings` (ingest, each analysis step, each rule; median of the runs) and prints the ratio time(2S) / time(S). A
linear step shows about 2; a quadratic one about 4. Steps that take under a millisecond at both sizes are timer noise
and listed only when --all is given. The whole check (ingest + analysis + rules) is the first row."""
import argparse, os, re, statistics, subprocess, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
SHUZHI = os.path.join(ROOT, ".build", "release", "shuzhi")
DATA = os.path.join(ROOT, "bench-data")
PAIRS = [(64, 128), (1024, 2048), (8192, 16384)]


def timings(path, extra, runs):
    """{step: median ms} from `check --timings`."""
    samples = {}
    for _ in range(runs):
        r = subprocess.run([SHUZHI, "check", "--format", "json", "--timings", *extra, path], capture_output=True, text=True)
        if r.returncode not in (0, 1):
            sys.exit(f"{path}: exit {r.returncode}\n{r.stderr[-2000:]}")
        total = 0.0
        for line in r.stderr.splitlines():
            m = re.search(r"([\d.]+) ms$", line)
            if not m:
                continue
            ms = float(m.group(1))
            if " / " in line:  # a phase: “  分析 / analysis   12.30 ms”
                name = line.split(" / ")[1].split()[0]
                total += ms
            else:  # a step or a rule: “    analysis.year   0.12 ms”
                name = line.split()[0]
            samples.setdefault(name, []).append(ms)
        samples.setdefault("check", []).append(total)
    return {k: statistics.median(v) for k, v in samples.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--disable", action="append", default=[])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    extra = [x for d in args.disable for x in ("--disable", d)]
    results = {}
    for a, b in PAIRS:
        results[a] = timings(os.path.join(DATA, f"scale-{a}k.txt"), extra, args.runs)
        results[b] = timings(os.path.join(DATA, f"scale-{b}k.txt"), extra, args.runs)
    names = ["check", "ingest", "analysis"] + sorted(k for k in results[64] if k.startswith("analysis.")) + ["rules"]
    names += sorted((k for k in results[64] if k not in names), key=lambda k: -results[8192].get(k, 0))
    head = "| step | " + " | ".join(f"{a // 1024 or a} {'MiB' if a >= 1024 else 'KiB'} → ×2" for a, _ in PAIRS) + " |"
    print(f"`check {' '.join(extra)}`, median of {args.runs} runs; each cell: time at S, time at 2S, ratio.\n")
    print(head)
    print("|---" * (len(PAIRS) + 1) + "|")
    worst = []
    for name in names:
        cells, shown = [], args.all or name in ("check", "ingest", "analysis", "rules")
        for a, b in PAIRS:
            ta, tb = results[a].get(name, 0.0), results[b].get(name, 0.0)
            ratio = tb / ta if ta > 0 else float("nan")
            if max(ta, tb) >= 1.0:
                shown = True
                if a >= 1024:
                    worst.append((ratio, name, a))
            cells.append(f"{ta:.1f} → {tb:.1f} ms (×{ratio:.2f})")
        if shown:
            print(f"| {name} | " + " | ".join(cells) + " |")
    worst.sort(reverse=True)
    print("\nLargest ratios from 1 MiB up: " + ", ".join(f"{n} ×{r:.2f} at {a // 1024} MiB" for r, n, a in worst[:5]))


if __name__ == "__main__":
    main()
