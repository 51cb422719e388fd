"""Which part of ../shared/corpus/modern trains Shuzhi's lexicon and models, and which part is held out.

The modern corpus (2018–2025 formal Chinese; see its SOURCES.md) is split the same way by every script that reads it:

- `train`: everything not held out. Scripts/build-lexicon.py counts it into the formal language model and mines its
  new words and fixed phrases; only those statistics are compiled in — the news transcripts and speeches are for
  compiled statistics only and their text is never written into the project.
- `tune`: held out; Scripts/make-typo-dev.py injects errors into it, and every weight and threshold of the typo rules
  is chosen on it.
- `test`: held out; the figures BENCHMARKS.md reports (recall by kind, false alarms on untouched text) come from it,
  and nothing is chosen on it.

Held out: six provincial 政府工作报告 of 2025 for each of tune and test (regions apart; 220k characters, a genre-
matching false-alarm measure, for 1% of the training text), and from each 新闻联播 year
and each speech file a contiguous block of lines for each (a block, not scattered lines, so that one news item is not
split between training and held-out text). The national reports 2023–2025 and the 20th Party Congress report all
train: ../shared/corpus/national/2015–2017 and the district reports stay held out as before.
"""

import os

MODERN = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'corpus', 'modern'))

HELD_OUT_PROVINCES = {
    'tune': ['上海市', '四川省', '山东省', '江西省', '甘肃省', '辽宁省'],
    'test': ['广东省', '新疆', '浙江省', '湖南省', '贵州省', '重庆市'],
}
# For trials only: SHUZHI_FOLD_PROVINCES=北京市,河南省,… takes more provincial reports out of training (the part
# 'fold'), so that a trial build can be read on government reports it never saw without looking at `test`.
FOLD = [name for name in os.environ.get('SHUZHI_FOLD_PROVINCES', '').split(',') if name]
if FOLD:
    HELD_OUT_PROVINCES['fold'] = FOLD
# Each news year file and each speech file is cut into BLOCKS contiguous blocks of lines; these are held out.
BLOCKS = {'news': 40, 'speeches': 20}
HELD_OUT_BLOCK = {'news': {'tune': 17, 'test': 33}, 'speeches': {'tune': 7, 'test': 13}}
# Likewise SHUZHI_FOLD_NEWS_BLOCK=25 takes one more block of each news year out of training into 'fold'.
FOLD_NEWS_BLOCK = os.environ.get('SHUZHI_FOLD_NEWS_BLOCK')
if FOLD_NEWS_BLOCK:
    HELD_OUT_BLOCK['news']['fold'] = int(FOLD_NEWS_BLOCK)


def _lines(path):
    with open(path, encoding='utf-8') as handle:
        return [line.strip() for line in handle if line.strip()]


def _files(group):
    folder = os.path.join(MODERN, group)
    out = []
    for base, _, names in sorted(os.walk(folder)):
        out += [os.path.join(base, n) for n in sorted(names) if n.endswith('.txt')]
    return out


def _block_of(index, count, blocks):
    return index * blocks // max(1, count)


def documents(part):
    """(name, lines) of the modern corpus's `part` ('train', 'tune' or 'test'), in a fixed order. A held-out block
    of a news year or a speech file is one document; in training, the rest of such a file is one document."""
    assert part in ('train', 'tune', 'test', 'fold')
    for path in _files('provincial-reports'):
        province = os.path.splitext(os.path.basename(path))[0]
        held = next((p for p, names in HELD_OUT_PROVINCES.items() if province in names), 'train')
        if held == part:
            yield f'provincial-{province}', _lines(path)
    for group, folder in (('news', 'news'), ('speeches', 'speeches')):
        for path in _files(folder):
            lines = _lines(path)
            blocks = BLOCKS[group]
            held = HELD_OUT_BLOCK[group]
            if part not in held and part != 'train':
                continue
            stem = os.path.splitext(os.path.basename(path))[0]
            if part == 'train':
                yield f'{group}-{stem}', [line for i, line in enumerate(lines)
                                          if _block_of(i, len(lines), blocks) not in held.values()]
            else:
                yield f'{group}-{stem}-block{held[part]}', [line for i, line in enumerate(lines)
                                                           if _block_of(i, len(lines), blocks) == held[part]]
    if part == 'train':
        for folder in ('national-reports', 'party'):
            for path in _files(folder):
                yield f'{folder}-{os.path.splitext(os.path.basename(path))[0]}', _lines(path)


def lines(part):
    for _, document in documents(part):
        yield from document


if __name__ == '__main__':
    for part in ('train', 'tune', 'test'):
        docs = list(documents(part))
        print(part, len(docs), 'documents', sum(len(l) for _, d in docs for l in d), 'characters')
