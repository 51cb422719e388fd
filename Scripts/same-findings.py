#!/usr/bin/env python3
"""Speed never buys a lost finding: runs two builds of `shuzhi check --format json` over the same texts and shows
every finding one makes and the other does not.

    cp .build/release/shuzhi /tmp/shuzhi-before     # on the commit before the change
    swift build -c release --product shuzhi          # with the change
    python3 Scripts/same-findings.py /tmp/shuzhi-before .build/release/shuzhi

The texts: the samples and the public corpora of ../shared (national and district 政府工作报告, laws, the modern
corpus's documents — each file whole, as a report), Examples/, and bench-data/ when it exists. Exit 1 when any file
differs."""
import glob, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.path.join(ROOT, "..", "shared")


def texts():
    patterns = ["samples/*.txt", "corpus/national/*.txt", "corpus/district/**/*.txt", "corpus/laws/**/*.txt",
                "corpus/modern/**/*.txt"]
    out = [p for pat in patterns for p in sorted(glob.glob(os.path.join(SHARED, pat), recursive=True))]
    out += sorted(glob.glob(os.path.join(ROOT, "Examples", "**", "*.txt"), recursive=True))
    out += sorted(glob.glob(os.path.join(ROOT, "Examples", "**", "*.docx"), recursive=True))
    out += [p for p in sorted(glob.glob(os.path.join(ROOT, "bench-data", "*.txt"))) if "scale-" not in p]
    return [p for p in out if os.path.basename(p) not in ("SOURCES.md", "README.md")]


def findings(binary, path):
    r = subprocess.run([binary, "check", "--format", "json", path], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        return {f"exit {r.returncode}: {r.stderr.strip()[:200]}"}
    report = json.loads(r.stdout)
    return {json.dumps(d, ensure_ascii=False, sort_keys=True) for d in report.get("diagnostics", [])}


def main():
    before, after = sys.argv[1], sys.argv[2]
    paths = texts()
    def compare(path):
        return path, findings(before, path), findings(after, path)
    differing, total = 0, 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for path, a, b in pool.map(compare, paths):
            total += len(a)
            if a != b:
                differing += 1
                print(f"{os.path.relpath(path, ROOT)}: {len(a - b)} only before, {len(b - a)} only after")
                for d in sorted(a - b)[:5]: print("  - " + d[:300])
                for d in sorted(b - a)[:5]: print("  + " + d[:300])
    print(f"{len(paths)} files, {total} findings before; {differing} files differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
