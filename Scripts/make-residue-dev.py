#!/usr/bin/env python3
"""Build the template-site residue development set (issue 21): reports with the residue of the sites they were
copied from put where sites leave it, every line marked, for `shuzhi eval residue`.

    python3 Scripts/make-residue-dev.py      # → .build-data/residue-dev/tune/*.txt, .build-data/residue-dev/test/*.txt

Residue comes from ../shared/reference/site-residue.md: its real examples of 63 sites, alternately into tune and
test (rows 1, 3, 5 … tune; 2, 4, 6 … test), so that every kind of residue is in both parts but no example is. The
reports they are put into are held-out report text: the modern corpus's tune or test provincial 政府工作报告
(Scripts/modern_corpus.py), the district reports of 2012–2015 (tune) or 2016–2019 (test), and, in test only, the two
real 述职报告 of ../shared/samples; each is cut to its first 30 lines. Every document also carries one or two of the
reference's negative examples (legitimate report lines that look like residue) inside its text.

Each document gets residue at the top (one to three examples of the kinds found there), sometimes at the bottom and
between sections, with a fixed seed. A residue line starts with “§”, the report's title line with “¶”; the
evaluation strips the marks. Examples that sit inside a sentence (“inline”) are not line-separable and are left out.
Nothing here is committed: the set is rebuilt from the shared material.
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import modern_corpus  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
SHARED = os.path.join(ROOT, '..', 'shared')
REFERENCE = os.path.join(SHARED, 'reference', 'site-residue.md')
OUT = os.path.join(ROOT, '.build-data', 'residue-dev')
BODY_LINES = 30


def cells(line):
    """The cells of a markdown table row, `\\|` kept as a literal bar."""
    parts = re.split(r'(?<!\\)\|', line.strip().strip('|'))
    return [p.strip().replace('\\|', '|') for p in parts]


def span_lines(cell):
    """The lines of the code spans in a cell (`<br>` separates lines as they stood on the page)."""
    out = []
    for span in re.findall(r'`([^`]*)`', cell):
        for line in span.split('<br>'):
            line = line.strip()
            if line and line != '…':
                out.append(line)
    return out


def read_reference():
    positives, negatives = [], []
    section = None
    for line in open(REFERENCE, encoding='utf-8'):
        if line.startswith('## 2.'):
            section = 'positive'
        elif line.startswith('## 3.'):
            section = 'negative'
        elif line.startswith('## 4.'):
            section = None
        if section is None or not line.startswith('| `'):
            if section == 'positive' and line.startswith('| ') and '`' in line and not line.startswith('| text'):
                # 2.15: artifact | text | where | source
                row = cells(line)
                if len(row) == 4 and '`' in row[1]:
                    positives.append((span_lines(row[1]), row[2]))
            continue
        row = cells(line)
        if section == 'positive':
            positives.append((span_lines(row[0]), row[1]))
        else:
            negatives.append(span_lines(row[0]))
    return positives, negatives


def place(where):
    where = where.lower()
    if where.startswith('inline'):
        return 'inline'
    if where.startswith('bottom'):
        return 'bottom'
    if where.startswith('between'):
        return 'between'
    if 'top' in where:
        return 'top'
    return 'top'


def bodies(part):
    out = []
    for name, lines in modern_corpus.documents(part):
        if name.startswith('provincial'):
            out.append((name, [l for l in lines if l.strip()][:BODY_LINES], True))
    years = range(2012, 2016) if part == 'tune' else range(2016, 2020)
    for year in years:
        path = os.path.join(SHARED, 'corpus', 'district', f'{year}.txt')
        text = open(path, 'rb').read().decode('gb18030').replace('\r\n', '\n')
        lines = [l.strip().replace('\u3000', '') for l in text.split('\n')]
        lines = [l for l in lines if l]
        out.append((f'district-{year}', lines[:BODY_LINES], True))
    if part == 'test':
        folder = os.path.join(SHARED, 'samples')
        for name in sorted(os.listdir(folder)):
            lines = [l.strip() for l in open(os.path.join(folder, name), encoding='utf-8') if l.strip()]
            out.append((name[:-4], lines[:BODY_LINES], False))
    return out


def build(part, positives, negatives, seed):
    rng = random.Random(seed)
    by_place = {'top': [], 'bottom': [], 'between': []}
    for lines, where in positives:
        p = place(where)
        if p != 'inline':
            by_place[p].append(lines)
    reports = bodies(part)
    folder = os.path.join(OUT, part)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        os.remove(os.path.join(folder, old))
    count = 0
    # Every example is used at least once at its own place; documents are filled round-robin.
    queue = [(p, lines) for p in ('top', 'bottom', 'between') for lines in by_place[p]]
    rng.shuffle(queue)
    while queue:
        name, body, titled = reports[count % len(reports)]
        top, bottom, between = [], [], []
        for _ in range(rng.choice([1, 2, 3])):
            if not queue:
                break
            p, lines = queue.pop()
            {'top': top, 'bottom': bottom, 'between': between}[p].append(lines)
        text = [('¶' if titled and i == 0 else '') + line for i, line in enumerate(body)]
        for lines in rng.sample(negatives, 2):
            at = rng.randrange(3, len(text))
            text[at:at] = lines
        if between:
            at = rng.randrange(len(text) // 3, 2 * len(text) // 3)
            text[at:at] = ['§' + l for lines in between for l in lines]
        head = ['§' + l for lines in top for l in lines]
        tail = ['§' + l for lines in bottom for l in lines]
        with open(os.path.join(folder, f'{count:03d}-{name}.txt'), 'w', encoding='utf-8') as handle:
            handle.write('\n'.join(head + text + tail) + '\n')
        count += 1
    return count


def main():
    positives, negatives = read_reference()
    tune = [row for i, row in enumerate(positives) if i % 2 == 0]
    test = [row for i, row in enumerate(positives) if i % 2 == 1]
    n_tune = build('tune', tune, negatives[0::2], 21)
    n_test = build('test', test, negatives[1::2], 22)
    print(f'{len(positives)} residue examples, {len(negatives)} negatives → {n_tune} tune and {n_test} test documents in {OUT}')


if __name__ == '__main__':
    main()
