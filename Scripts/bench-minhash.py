#!/usr/bin/env python3
"""The peer of BENCHMARKS.md "Copying": datasketch's MinHash LSH doing the candidate search on the benchmark that
`shuzhi eval copying CORPUS --export DIR` wrote, scored with the same PAN measures.

MinHash estimates the Jaccard similarity of whole sets, so a 300-character passage inside a 10,000-character report
is invisible at the document level (Jaccard about 0.03). The usual way to find passages with it, used here, is to
cut every document into overlapping windows (WINDOW comparable characters every STEP), index each window's MinHash
of character SHINGLE-grams in an LSH at THRESHOLD, and query with the windows of the checked text; windows that
meet are merged into passages (offsets in both documents), and that is what PAN scores. Like shuzhi, a report's own
original and the same author's other reports are left out (shuzhi calls those own words, not copying); there is no
boilerplate handling, which datasketch does not have.

Run by Scripts/bench-copying.sh in the same run as shuzhi; `pip install datasketch` (2.0.0 measured).

    python3 Scripts/bench-minhash.py DIR [--window 100 --step 50 --shingle 5 --threshold 0.5 --perm 128]
"""

import argparse
import json
import os
import resource
import sys
import time

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH


def comparable(text):
    """Letters, digits and Han characters, full width folded, lower case; with each one's offset in `text` (the
    offsets of a Python str are Unicode scalar offsets, as shuzhi's)."""
    kept, offsets = [], []
    for i, ch in enumerate(text):
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        if ch.isalnum():
            kept.append(ch.lower())
            offsets.append(i)
    return "".join(kept), offsets


def windows(n, window, step):
    """Window starts covering a text of n comparable characters (the last one flush with the end)."""
    if n <= window:
        return [0] if n > 0 else []
    starts = list(range(0, n - window + 1, step))
    if starts[-1] != n - window:
        starts.append(n - window)
    return starts


def signature(text, shingle, perm):
    grams = {text[i:i + shingle].encode("utf-8") for i in range(max(1, len(text) - shingle + 1))}
    m = MinHash(num_perm=perm)
    m.update_batch(list(grams))
    return LeanMinHash(m)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def author(name):
    # The benchmark's reports are national/… and district/…: one author each; the laws have none.
    return name.split("/")[0] if name.startswith(("national/", "district/")) else None


def overlap(x, others):
    def clipped(r, rs):
        pieces = sorted((max(r[0], o[0]), min(r[1], o[1])) for o in rs if max(r[0], o[0]) < min(r[1], o[1]))
        total, end = 0, -1
        for a, b in pieces:
            a = max(a, end)
            if b > a:
                total += b - a
            end = max(end, b)
        return total
    return clipped(x["s"], [o["s"] for o in others]) + clipped(x["src"], [o["src"] for o in others])


def detects(d, c):
    return (d["susp"] == c["susp"] and d["source"] == c["source"]
            and d["s"][0] < c["s"][1] and c["s"][0] < d["s"][1] and d["src"][0] < c["src"][1] and c["src"][0] < d["src"][1])


def pan(cases, detections):
    """PAN's precision, recall, granularity and plagdet (Potthast et al. 2010), as shuzhi's PlagiarismMeasures."""
    size = lambda p: (p["s"][1] - p["s"][0]) + (p["src"][1] - p["src"][0])
    precision = sum(overlap(r, [s for s in cases if detects(r, s)]) / max(1, size(r)) for r in detections)
    recall, found, pieces = 0.0, 0, 0
    for s in cases:
        hits = [r for r in detections if detects(r, s)]
        recall += overlap(s, hits) / max(1, size(s))
        if hits:
            found += 1
            pieces += len(hits)
    p = precision / len(detections) if detections else 1.0
    r = recall / len(cases) if cases else 1.0
    g = pieces / found if found else 1.0
    f1 = 0 if p + r == 0 else 2 * p * r / (p + r)
    return p, r, g, f1 / np.log2(1 + g)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--window", type=int, default=100)
    ap.add_argument("--step", type=int, default=50)
    ap.add_argument("--shingle", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--query-length", type=int, default=5000)
    a = ap.parse_args()

    cases = [json.loads(line) for line in open(os.path.join(a.dir, "cases.jsonl"), encoding="utf-8")]
    sources_dir = os.path.join(a.dir, "sources")
    # File names are the documents' names with "/" as "_"; the cases name them with "/".
    names = {}
    for c in cases:
        for key in ("source", "host"):
            names[c[key].replace("/", "_") + ".txt"] = c[key]

    # Index: every window of every stored document.
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=a.threshold, num_perm=a.perm)
    stored = {}
    characters = indexed = 0
    for file in sorted(os.listdir(sources_dir)):
        name = names.get(file, file[:-4].replace("_", "/", 1) if file.startswith(("national_", "district_")) else file[:-4])
        text = read(os.path.join(sources_dir, file))
        comp, offsets = comparable(text)
        stored[name] = (comp, offsets)
        characters += len(comp)
        with lsh.insertion_session() as session:
            for w in windows(len(comp), a.window, a.step):
                session.insert(f"{name}\t{w}", signature(comp[w:w + a.window], a.shingle, a.perm))
                indexed += 1
    build = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def detect(text, susp, leave_out):
        comp, offsets = comparable(text)
        hits = {}
        for w in windows(len(comp), a.window, a.step):
            for key in lsh.query(signature(comp[w:w + a.window], a.shingle, a.perm)):
                source, sw = key.rsplit("\t", 1)
                if source in leave_out or (author(source) and author(source) in {author(x) for x in leave_out}):
                    continue
                hits.setdefault(source, []).append((w, int(sw)))
        out = []
        for source, pairs in hits.items():
            src_offsets = stored[source][1]
            pairs.sort()
            run = [pairs[0]]
            for p in pairs[1:] + [None]:
                if p is not None and p[0] <= run[-1][0] + a.window:
                    run.append(p)
                    continue
                s0, s1 = run[0][0], run[-1][0] + a.window
                r0, r1 = min(x[1] for x in run), max(x[1] for x in run) + a.window
                s1, r1 = min(s1, len(comp)), min(r1, len(src_offsets))
                out.append({"susp": susp, "s": (offsets[s0], offsets[s1 - 1] + 1),
                            "source": source, "src": (src_offsets[r0], src_offsets[r1 - 1] + 1)})
                run = [p] if p is not None else []
        return out

    print(f"datasketch {__import__('datasketch').__version__} MinHash LSH: window {a.window} step {a.step}, {a.shingle}-grams, "
          f"{a.perm} permutations, threshold {a.threshold}")
    print(f"index: {len(stored)} documents, {characters} characters, {indexed} windows, built in {build:.1f} s, "
          f"resident {rss:.0f} MB (in memory; datasketch keeps no file)")
    suspicious_dir = os.path.join(a.dir, "suspicious")
    for obfuscation in ("verbatim", "light"):
        these = [c for c in cases if c["obfuscation"] == obfuscation]
        want = [{"susp": c["suspicious"], "s": (c["suspicious_start"], c["suspicious_end"]),
                 "source": c["source"], "src": (c["source_start"], c["source_end"])} for c in these]
        found = []
        hosts = {}
        for c in these:
            hosts[c["suspicious"]] = c["host"]
        for susp, host in sorted(hosts.items()):
            found += detect(read(os.path.join(suspicious_dir, susp.replace("/", "_") + ".txt")), susp, {host})
        p, r, g, plagdet = pan(want, found)
        # Candidate recall: the case's source among the documents the search returned for its report.
        returned = {(d["susp"], d["source"]) for d in found}
        candidates = sum((w["susp"], w["source"]) in returned for w in want) / max(1, len(want))
        print(f"{obfuscation}: cases {len(want)}, detections {len(found)}, precision {p:.3f}, recall {r:.3f}, "
              f"granularity {g:.3f}, plagdet {plagdet:.3f}; source among candidates {candidates:.3f}")

    # Natural pairs: the reports as they are, against everything but themselves and their author's series.
    natural = []
    for name, (comp, offsets) in sorted(stored.items()):
        if author(name):
            natural += detect(read(os.path.join(sources_dir, name.replace("/", "_") + ".txt")), name, {name})
    print(f"natural pairs: {sum(1 for n in stored if author(n))} reports unchanged, passages called copied {len(natural)} "
          f"(characters {sum(d['s'][1] - d['s'][0] for d in natural)})")

    # Query time of a 5,000-character report, as shuzhi measures it: every 5,000-character stretch of the verbatim
    # benchmark reports, every 2,500 characters.
    times = []
    for susp, host in sorted({c["suspicious"]: c["host"] for c in cases if c["obfuscation"] == "verbatim"}.items()):
        text = read(os.path.join(suspicious_dir, susp.replace("/", "_") + ".txt"))
        for start in range(0, len(text) - a.query_length + 1, a.query_length // 2):
            t = time.perf_counter()
            detect(text[start:start + a.query_length], susp, {host})
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    if times:
        print(f"query time, {a.query_length}-character report, over {len(times)} checks: "
              f"p50 {times[len(times) // 2]:.1f} ms, p99 {times[min(len(times) - 1, len(times) * 99 // 100)]:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
