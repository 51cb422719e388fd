#!/usr/bin/env python3
"""Builds the benchmark inputs from ../shared/corpus/national (public 政府工作报告, UTF-8):
bench-data/report-1mb.txt  — whole paragraphs, cycling through the years, up to 1 MiB (never more);
bench-data/report-5k.txt   — the first paragraphs of the 2017 report, up to 5,000 characters.
Run from the project root: python3 Scripts/make-bench-text.py"""
import glob, os

root = os.path.join(os.path.dirname(__file__), "..")
corpus = os.path.join(root, "..", "shared", "corpus", "national")
out_dir = os.path.join(root, "bench-data")
os.makedirs(out_dir, exist_ok=True)
lines = [l for f in sorted(glob.glob(os.path.join(corpus, "*.txt"))) for l in open(f, encoding="utf-8")]

target, size, chosen, i = 1 << 20, 0, [], 0
while True:
    line = lines[i % len(lines)]
    b = len(line.encode())
    if size + b > target:
        break
    chosen.append(line)
    size += b
    i += 1
open(os.path.join(out_dir, "report-1mb.txt"), "w", encoding="utf-8").write("".join(chosen))

small, chars = [], 0
for line in open(os.path.join(corpus, "2017.txt"), encoding="utf-8"):
    if chars + len(line) > 5000:
        break
    small.append(line)
    chars += len(line)
open(os.path.join(out_dir, "report-5k.txt"), "w", encoding="utf-8").write("".join(small))
print(f"report-1mb.txt: {size} bytes, {sum(len(l) for l in chosen)} characters; report-5k.txt: {chars} characters")
