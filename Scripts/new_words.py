"""Words and fixed phrases of today's official language that the dictionaries lack, mined from running text.

jieba's and pycorrector's dictionaries were counted on text of the 2000s: 数智化, 抗疫, 获批, 学思践悟, 一企一策, 设区市
are missing or rare there, so the segmenter cuts them into single characters and the typo finder "corrects" them.
A string of two to four Han characters is taken as a word of the modern text when

- it occurs at least MIN_COUNT times (the training part of ../shared/corpus/modern: ~22M characters);
- it holds together: for every way of cutting it in two, it occurs at least 2^MIN_COHESION times more often than the
  two halves would meet by chance (pointwise mutual information, the weakest cut);
- it stands free: the characters seen before it and after it are varied (boundary entropy ≥ MIN_ENTROPY nats on
  each side), so 的发展 or 习近 (always followed by 平) are not words.

A new word of two characters is often an abbreviation of two frequent characters (数智 of 数字 + 智能, 算力, 集采,
减碳): the characters are common alone, so the pair's cohesion is modest (2–5 bits) while it stands as free as any
word. A pair is taken at PAIR_COHESION bits when it occurs PAIR_COUNT times and is free on both sides by
PAIR_ENTROPY nats, unless it is the edge of a title or a place name (部长|张, 某山|市): those fragments pass the
same tests.

Only the statistics are used: each word's count, never the text. The same counts give `frequency(word)` for words the
dictionary has but rated as rare (抗疫 is in pycorrector's list at a frequency of 3).
"""

import math

import numpy as np

MIN_COUNT = 10
MIN_COHESION = 5.0     # log2
MIN_ENTROPY = 1.5      # nats
# A word does not begin or end with a function character (的发展, 公布的, 我们要), nor begin with a measure word, a
# determiner or a pronoun (个小项, 每年, 我们要): those strings pass the statistical tests as often as words do.
FUNCTION = set('的了在是和将等也都还就又与对把被从向为以及其于而并或之所着过到给让由要会能可应需已正很更最再才仍均亦即便却虽但若如因故则且们')
MEASURES = set('个名位架艘条家项件次只年月日号时分天万亿千百余多第每该此这那各我你他她它某本另')
LONGEST = 4
PAIR_COHESION = 2.0    # log2
PAIR_COUNT = 20
PAIR_ENTROPY = 2.0     # nats
PAIR_HEAD_FRAGMENT = set('长称')      # 部长|张, 新华社|称
PAIR_TAIL_FRAGMENT = set('县市省州镇乡村区')  # 某山|市, 某江|县
SENTINEL = 0           # a run's edge, in place of a neighbouring character


DIGIT, LATIN = '\x01', '\x02'


def _runs(lines, is_han):
    """The lines cut at everything but Han characters, digits and Latin letters; a digit becomes DIGIT and a letter
    LATIN, so that 3个 and 5个 give 个 one neighbour, not two run edges."""
    for line in lines:
        run = []
        for ch in line:
            if is_han(ch):
                run.append(ch)
            elif ch.isdigit():
                run.append(DIGIT)
            elif ch.isascii() and ch.isalpha():
                run.append(LATIN)
            elif run:
                yield ''.join(run)
                run = []
        if run:
            yield ''.join(run)


def _entropy(keys, neighbours):
    """Per distinct key: the entropy (nats) of its neighbours' distribution; keys sorted."""
    order = np.lexsort((neighbours, keys))
    k, n = keys[order], neighbours[order]
    pair_start = np.ones(len(k), bool)
    pair_start[1:] = (k[1:] != k[:-1]) | (n[1:] != n[:-1])
    pair_keys = k[pair_start]
    pair_counts = np.diff(np.append(np.flatnonzero(pair_start), len(k)))
    # A run's edge is no single neighbour: each edge occurrence counts as a neighbour of its own.
    edge = n[pair_start] == SENTINEL
    distinct_keys, first = np.unique(pair_keys, return_index=True)
    group = np.searchsorted(distinct_keys, pair_keys)
    totals = np.bincount(group, weights=pair_counts)
    p = pair_counts / totals[group]
    terms = np.where(edge, -pair_counts / totals[group] * np.log(1 / totals[group]), -p * np.log(p))
    return distinct_keys, np.bincount(group, weights=terms)


class ModernCounts:
    """Counts of every Han string of one to four characters in the text, with boundary entropies."""

    def __init__(self, lines, is_han):
        text = '\x00'.join(_runs(lines, is_han))
        codes = np.frombuffer(text.encode('utf-32-le'), dtype=np.uint32).astype(np.int64)
        # Ids in code order: 0 is the separator \x00, then DIGIT and LATIN, then the Han characters.
        alphabet, ids = np.unique(codes, return_inverse=True)
        assert alphabet[0] == 0 and len(alphabet) < 1 << 16
        first_han = int(np.searchsorted(alphabet, 0x3400))
        self.alphabet = alphabet
        self.index = {int(c): i for i, c in enumerate(alphabet)}
        ids = ids.astype(np.int64)
        self.characters = int(np.count_nonzero(ids >= first_han))
        self.counts, self.left, self.right = {}, {}, {}
        n_total = len(ids)
        for n in range(1, LONGEST + 1):
            last = n_total - n + 1
            key = np.zeros(last, dtype=np.uint64)
            valid = np.ones(last, bool)
            for k in range(n):
                part = ids[k:k + last]
                valid &= part >= first_han
                key = (key << np.uint64(16)) | part.astype(np.uint64)
            positions = np.flatnonzero(valid)
            keys = key[positions]
            distinct, counts = np.unique(keys, return_counts=True)
            self.counts[n] = (distinct, counts)
            if n >= 2:
                before = np.where(positions > 0, ids[np.maximum(positions - 1, 0)], 0)
                after_index = positions + n
                after = np.where(after_index < n_total, ids[np.minimum(after_index, n_total - 1)], 0)
                self.left[n] = _entropy(keys, before)
                self.right[n] = _entropy(keys, after)

    def key(self, word):
        k = 0
        for ch in word:
            i = self.index.get(ord(ch))
            if i is None:
                return None
            k = (k << 16) | i
        return np.uint64(k)

    def _lookup(self, table, n, key):
        keys, values = table[n]
        i = np.searchsorted(keys, key)
        return values[i] if i < len(keys) and keys[i] == key else 0

    def count(self, word):
        key = self.key(word)
        return 0 if key is None else int(self._lookup(self.counts, len(word), key))

    def word(self, chars):
        ids = [int(self.alphabet[i]) for i in chars]
        return ''.join(chr(c) for c in ids)

    def candidates(self, min_count=MIN_COUNT, min_cohesion=MIN_COHESION, min_entropy=MIN_ENTROPY):
        """(word, count, cohesion, left entropy, right entropy) of the strings of two to four characters that pass
        the three tests and do not begin or end like a phrase, most frequent first."""
        out = []
        total = self.characters
        for n in range(2, LONGEST + 1):
            keys, counts = self.counts[n]
            frequent = counts >= min_count
            keys, counts = keys[frequent], counts[frequent]
            left_keys, left = self.left[n]
            right_keys, right = self.right[n]
            li = np.searchsorted(left_keys, keys)
            ri = np.searchsorted(right_keys, keys)
            free = (left[li] >= min_entropy) & (right[ri] >= min_entropy)
            # Pairs held less tightly must stand freer and be commoner (see the module's comment).
            pair = n == 2 and min_cohesion == MIN_COHESION
            loose = (left[li] >= PAIR_ENTROPY) & (right[ri] >= PAIR_ENTROPY) & (counts >= PAIR_COUNT) if pair \
                else np.zeros(len(keys), bool)
            keys, counts, left, right, loose = keys[free], counts[free], left[li][free], right[ri][free], loose[free]
            cohesion = np.full(len(keys), np.inf)
            for cut in range(1, n):
                head = keys >> np.uint64(16 * (n - cut))
                tail = keys & np.uint64((1 << (16 * (n - cut))) - 1)
                hk, hc = self.counts[cut]
                tk, tc = self.counts[n - cut]
                head_count = hc[np.searchsorted(hk, head)]
                tail_count = tc[np.searchsorted(tk, tail)]
                pmi = np.log2(counts * total / (head_count.astype(np.float64) * tail_count))
                cohesion = np.minimum(cohesion, pmi)
            held = (cohesion >= min_cohesion) | (loose & (cohesion >= PAIR_COHESION))
            for key, count, c, l, r in zip(keys[held].tolist(), counts[held].tolist(), cohesion[held].tolist(),
                                           left[held].tolist(), right[held].tolist()):
                chars = [(key >> (16 * (n - 1 - k))) & 0xFFFF for k in range(n)]
                word = self.word(chars)
                if word[0] not in FUNCTION and word[-1] not in FUNCTION and word[0] not in MEASURES \
                        and not (pair and c < min_cohesion and (word[0] in PAIR_HEAD_FRAGMENT or word[-1] in PAIR_TAIL_FRAGMENT)):
                    out.append((word, count, c, l, r))
        out.sort(key=lambda wc: (-wc[1], wc[0]))
        return out
