#!/usr/bin/env python3
"""Builds the benchmark inputs from ../shared/corpus/national (public 政府工作报告, UTF-8):
bench-data/report-1mb.txt  — whole paragraphs, cycling through the years, up to 1 MiB (never more);
bench-data/report-5k.txt   — the first paragraphs of the 2017 report, up to 5,000 characters;
bench-data/modern-5k.txt   — the first paragraphs of a 2025 provincial report of the modern corpus's held-out test
                             part, up to 5,000 characters (today's wording, which gives the typo finders more to weigh;
                             local only: bench-data is not committed, and that text may not be);
bench-data/scale-<n>k.txt  — 64 KiB, 128 KiB, 1 MiB, 2 MiB, 8 MiB and 16 MiB of the same cycled paragraphs, for the
                             scaling rows of Scripts/bench-scaling.py (each size and its double).
Run from the project root: python3 Scripts/make-bench-text.py"""
import glob, os

root = os.path.join(os.path.dirname(__file__), "..")
corpus = os.path.join(root, "..", "shared", "corpus", "national")
out_dir = os.path.join(root, "bench-data")
os.makedirs(out_dir, exist_ok=True)
lines = [l for f in sorted(glob.glob(os.path.join(corpus, "*.txt"))) for l in open(f, encoding="utf-8")]

def cycled(target):
    """Whole lines of the corpus, cycling through the years, up to `target` bytes."""
    size, chosen, i = 0, [], 0
    while True:
        line = lines[i % len(lines)]
        b = len(line.encode())
        if size + b > target:
            return chosen, size
        chosen.append(line)
        size += b
        i += 1

chosen, size = cycled(1 << 20)
open(os.path.join(out_dir, "report-1mb.txt"), "w", encoding="utf-8").write("".join(chosen))
for kib in (64, 128, 1024, 2048, 8192, 16384):
    open(os.path.join(out_dir, f"scale-{kib}k.txt"), "w", encoding="utf-8").write("".join(cycled(kib << 10)[0]))

small, chars = [], 0
for line in open(os.path.join(corpus, "2017.txt"), encoding="utf-8"):
    if chars + len(line) > 5000:
        break
    small.append(line)
    chars += len(line)
open(os.path.join(out_dir, "report-5k.txt"), "w", encoding="utf-8").write("".join(small))
import sys
sys.path.insert(0, os.path.dirname(__file__))
import modern_corpus
if os.path.isdir(modern_corpus.MODERN):
    name, modern = next((n, l) for n, l in modern_corpus.documents("test") if n.startswith("provincial-"))
    kept, count = [], 0
    for line in modern:
        if count + len(line) + 1 > 5000:
            # The last paragraph up to its last sentence end that fits.
            cut = line[:5000 - count - 1].rfind("。")
            if cut > 0:
                kept.append(line[:cut + 1] + "\n")
                count += cut + 2
            break
        kept.append(line + "\n")
        count += len(line) + 1
    open(os.path.join(out_dir, "modern-5k.txt"), "w", encoding="utf-8").write("".join(kept))
    print(f"modern-5k.txt: {count} characters of {name}")
print(f"report-1mb.txt: {size} bytes, {sum(len(l) for l in chosen)} characters; report-5k.txt: {chars} characters")
