#!/usr/bin/env python3
"""Figures for the typo rules (issue 3), pinned to one core:

    swift build -c release
    python3 Scripts/make-bench-text.py           # bench-data/report-5k.txt
    taskset -c 0 python3 Scripts/bench-typo.py

1. `shuzhi eval csc` on SIGHAN-15 (pycorrector's copy) and ECSpell odw.train, at the default threshold and at 0.5:
   pycorrector's sentence metric, detection/correction F1, sentences/s through the whole check pipeline;
2. `shuzhi eval false-alarms` on text the model never saw: 政府工作报告 2015–2017 and the district reports;
3. resident memory and whole-process time of `shuzhi check` on a 4,986-character report, and its instruction count
   (callgrind, on a stripped copy: valgrind cannot read the debug info of a binary with 54 MB of linked data);
4. the size of the compiled data.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
SHUZHI = os.path.join(ROOT, ".build", "release", "shuzhi")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
SMALL = os.path.join(ROOT, "bench-data", "report-5k.txt")
RUNS = 15


def run(*args):
    return subprocess.run([SHUZHI, *args], capture_output=True, text=True, check=True).stdout


def csc(name, path, threshold):
    out = run("eval", "csc", path, "--typo-threshold", str(threshold))
    sentence = re.search(r"precision:([\d.]+), recall:([\d.]+), f1:([\d.]+)", out)
    detection = re.search(r"detection  level: precision:[\d.]+, recall:[\d.]+, f1:([\d.]+)", out).group(1)
    correction = re.search(r"correction level: precision:[\d.]+, recall:[\d.]+, f1:([\d.]+)", out).group(1)
    speed = re.search(r"speed: (\d+) sentences/s", out).group(1)
    p, r, f = sentence.groups()
    return f"| {name} | {threshold} | {p} | {r} | **{f}** | {detection} | {correction} | {speed} |"


def main():
    print("| data | threshold | P (pycorrector) | R | F1 | detection F1 | correction F1 | sentences/s |")
    print("|---|---|---|---|---|---|---|---|")
    sets = [("SIGHAN-15 test (707)", os.path.join(CORPUS, "sighan/sighan2015_test.tsv")),
            ("ECSpell odw.train (1,720)", os.path.join(CORPUS, "ecspell/odw.train"))]
    everyday = os.path.join(ROOT, ".build-data", "everyday-tuning.tsv")   # Scripts/make-everyday-tuning.py
    if os.path.exists(everyday):
        sets.append(("everyday tuning set (499)", everyday))
    for name, path in sets:
        for threshold in (0.8, 0.5):
            print(csc(name, path, threshold))
    print()
    held = tempfile.mkdtemp()
    for year in (2015, 2016, 2017):
        shutil.copy(os.path.join(CORPUS, "national", f"{year}.txt"), held)
    for name, folder in (("政府工作报告 2015–2017 (held out)", held), ("district reports 2012–2019 (held out)", os.path.join(CORPUS, "district"))):
        total = run("eval", "false-alarms", folder).strip().splitlines()[-1]
        print(f"- {name}: {total}")
    shutil.rmtree(held)
    print()
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run([SHUZHI, "check", "--format", "json", SMALL], capture_output=True)
        times.append(time.perf_counter() - t)
    rss = subprocess.run(["/usr/bin/time", "-f", "%M", SHUZHI, "check", SMALL], capture_output=True, text=True).stderr.split()[-1]
    chars = len(open(SMALL, encoding="utf-8").read())
    print(f"- whole process, `shuzhi check --format json` on {chars:,} characters: median {statistics.median(times)*1000:.1f} ms of {RUNS}; "
          f"maximum resident set {int(rss)/1024:.1f} MB")
    if shutil.which("valgrind"):
        with tempfile.TemporaryDirectory() as tmp:
            stripped = os.path.join(tmp, "shuzhi")
            subprocess.run(["strip", "-o", stripped, SHUZHI], check=True)
            out = os.path.join(tmp, "cg.out")
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", stripped, "check", SMALL], capture_output=True)
            total = next((int(l.split()[1]) for l in open(out) if l.startswith("summary:")), 0)
            print(f"- instructions for that run (callgrind): {total/1e6:.0f} M")
    data = os.path.join(ROOT, "Sources", "CShuzhiData")
    sizes = {f: os.path.getsize(os.path.join(data, f)) for f in ("lexicon.bin", "model.bin", "general.bin")}
    print("- compiled data: " + " + ".join(f"{name} {size/1e6:.1f} MB" for name, size in sizes.items())
          + f" = {sum(sizes.values())/1e6:.1f} MB; binary {os.path.getsize(SHUZHI)/1e6:.1f} MB")


if __name__ == "__main__":
    main()
