"""Interpolated modified Kneser-Ney character n-gram estimation with numpy, for Scripts/build-lexicon.py.

Every n-gram is one 64-bit key (16 bits a token, the first token highest), so counting is a sort (`np.unique`) and
each estimate is a vectorised pass: tens of millions of characters take a minute, where a dictionary of tuples took
most of an hour and gigabytes. The estimates are those of the dictionary version this replaced, term for term:

- adjusted counts: the highest order and grams that begin with <s> keep their raw counts; lower orders count the
  distinct tokens seen before them (continuation counts);
- three discounts per order from the counts of counts (Chen and Goodman's D1, D2, D3+);
- grams of order three and up seen at most `prune` times are dropped, their mass going to the back-off weight;
- p(w | h) = (a(h w) − D) / a(h ·) + γ(h) · p(w | h′), stored in back-off form with γ(h) as h's back-off weight.
"""

import math

import numpy as np

UNK, BOS, EOS, DIGIT, LATIN = 0, 1, 2, 3, 4
BITS = 16


def encode(lines, token_of):
    """All lines as one token array, each line <s> … </s>, whitespace dropped, and each position's line number.
    `token_of(ch)` maps a character to its token."""
    pieces, total = [], 0
    for line in lines:
        codes = np.frombuffer(line.encode('utf-32-le'), dtype=np.uint32)
        pieces.append(codes)
        total += len(codes) + 2
    tokens = np.empty(total, dtype=np.int64)
    line_of = np.empty(total, dtype=np.int64)
    position = 0
    distinct = np.unique(np.concatenate(pieces)) if pieces else np.empty(0, dtype=np.uint32)
    lookup = {}
    for code in distinct.tolist():
        ch = chr(code)
        lookup[code] = -1 if ch.isspace() else token_of(ch)
    keys = np.array(sorted(lookup), dtype=np.uint32)
    values = np.array([lookup[k] for k in sorted(lookup)], dtype=np.int64)
    for number, codes in enumerate(pieces):
        mapped = values[np.searchsorted(keys, codes)] if len(codes) else np.empty(0, dtype=np.int64)
        mapped = mapped[mapped >= 0]
        n = len(mapped) + 2
        tokens[position] = BOS
        tokens[position + 1:position + n - 1] = mapped
        tokens[position + n - 1] = EOS
        line_of[position:position + n] = number
        position += n
    return tokens[:position], line_of[:position]


def gram_counts(tokens, line_of, n):
    """Sorted distinct n-gram keys and their counts; unigrams leave out <s>, no gram crosses a line."""
    last = len(tokens) - n + 1
    if last <= 0:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    valid = line_of[:last] == line_of[n - 1:n - 1 + last]
    if n == 1:
        valid &= tokens[:last] != BOS
    key = np.zeros(last, dtype=np.uint64)
    for k in range(n):
        key = (key << np.uint64(BITS)) | tokens[k:k + last].astype(np.uint64)
    keys, counts = np.unique(key[valid], return_counts=True)
    return keys, counts.astype(np.int64)


def _mask(n):
    return np.uint64((1 << (BITS * n)) - 1) if n < 4 else np.uint64(0xFFFFFFFFFFFFFFFF)


def _find(sorted_keys, keys):
    """Index of each key in sorted_keys and whether it is there."""
    idx = np.searchsorted(sorted_keys, keys)
    idx_clipped = np.minimum(idx, max(0, len(sorted_keys) - 1))
    found = (idx < len(sorted_keys)) & (sorted_keys[idx_clipped] == keys) if len(sorted_keys) else np.zeros(len(keys), bool)
    return idx_clipped, found


def discounts(adjusted):
    capped = np.minimum(adjusted, 4)
    n1, n2, n3, n4 = (int(np.count_nonzero(capped == i)) for i in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    return np.array([0.0, max(0.1, 1 - 2 * y * n2 / n1), max(0.1, 2 - 3 * y * n3 / n2),
                     max(0.1, 3 - 4 * y * n4 / n3)])


class Estimate:
    """log10 probabilities (`prob[n]`: sorted keys, values) and back-off weights (`backoff[n]`) of each order."""

    def __init__(self, lines, token_of, vocab, order, prune):
        tokens, line_of = encode(lines, token_of)
        raw = [None] + [gram_counts(tokens, line_of, n) for n in range(1, order + 1)]
        del tokens, line_of
        self.order, self.vocab = order, vocab
        self.prob = [None] * (order + 1)
        self.backoff = [None] * (order + 1)
        adjusted = [None] * (order + 1)
        adjusted[order] = raw[order][1]
        for n in range(order - 1, 0, -1):
            keys, counts = raw[n]
            suffixes = raw[n + 1][0] & _mask(n)
            suffix_keys, continuation = np.unique(suffixes, return_counts=True)
            idx, found = _find(suffix_keys, keys)
            a = np.where(found, continuation[idx], 0).astype(np.int64)
            begins = (keys >> np.uint64(BITS * (n - 1))) == BOS
            a[begins] = counts[begins]
            adjusted[n] = a
        self.unigram_gamma = None
        for n in range(1, order + 1):
            keys, counts = raw[n]
            a = adjusted[n]
            d = discounts(a)
            context = keys >> np.uint64(BITS) if n > 1 else np.zeros(len(keys), dtype=np.uint64)
            contexts = np.unique(context)
            context_index = np.searchsorted(contexts, context)
            total = np.bincount(context_index, weights=a, minlength=len(contexts))
            keep = np.ones(len(keys), bool) if n < 3 else counts > prune
            discounted = a - d[np.minimum(a, 3)]
            kept_mass = np.bincount(context_index[keep], weights=discounted[keep], minlength=len(contexts))
            gamma = np.maximum(1e-9, 1 - kept_mass / total)
            if n == 1:
                lower = np.full(int(keep.sum()), 1 / vocab)
                self.unigram_gamma = float(gamma[0])
            else:
                lower = 10 ** self.lookup(n - 1, keys[keep] & _mask(n - 1))
            ci = context_index[keep]
            values = np.log10(discounted[keep] / total[ci] + gamma[ci] * lower)
            self.prob[n] = (keys[keep], values)
            if n > 1:
                lower_keys = self.prob[n - 1][0]
                _, present = _find(lower_keys, contexts)
                self.backoff[n - 1] = (contexts[present], np.log10(gamma[present]))
        self.backoff[order] = (np.empty(0, dtype=np.uint64), np.empty(0))

    def lookup(self, n, keys):
        """log10 p of the n-grams `keys`, backing off as the reader does."""
        prob_keys, prob_values = self.prob[n]
        idx, found = _find(prob_keys, keys)
        out = np.where(found, prob_values[idx] if len(prob_values) else 0.0, 0.0)
        missing = ~found
        if missing.any():
            if n == 1:
                out[missing] = math.log10(1e-7)
            else:
                lost = keys[missing]
                out[missing] = self.backoff_of(n - 1, lost >> np.uint64(BITS)) + self.lookup(n - 1, lost & _mask(n - 1))
        return out

    def backoff_of(self, n, keys):
        bo_keys, bo_values = self.backoff[n]
        idx, found = _find(bo_keys, keys)
        return np.where(found, bo_values[idx] if len(bo_values) else 0.0, 0.0)

    @property
    def unknown(self):
        return math.log10(self.unigram_gamma / self.vocab)
