#!/usr/bin/env python3
"""Fit the typo finders' weights on the tune part of the typo development set (never its test part):
`TypoWeights.formal` (one wrong character, Sources/ShuzhiKit/Rules/Typo/TypoTuning.swift) and `SlipWeights.standard`
(homophone words, swapped, dropped and doubled characters, Sources/ShuzhiKit/Rules/Typo/WordSlipFinder.swift).

    swift build -c release --product shuzhi
    python3 Scripts/make-typo-dev.py
    python3 Scripts/fit-typo-weights.py [--clean-weight 10] [--tune name=value …]

The release binary scores every candidate with SHUZHI_TYPO_FEATURES=1 (FEAT lines for characters, SLIP lines for
the rest) on `.build-data/typo-dev/tune.tsv` and on the untouched held-out text of `.build-data/typo-dev/clean-tune/`, and, for characters and the rest alike, on ECSpell's odw.train (real slips in official documents).
A candidate is right when it makes the sentence's target; every candidate in the untouched text is wrong. One
logistic regression per kind of slip over its evidence gives the weights.

Calibration: a finding's confidence should be how often such a finding is right in real writing, where slips are
rare. The development sentences carry one slip in three of four; real reports perhaps one in two thousand
characters. The candidates of the untouched text are weighted by --clean-weight (10: the data then hold about one
slip per 2,000 characters), so that the probabilities answer for that density.

Character candidates judged by the models alone (的/地/得 and the like) and those of everyday paragraphs keep their
hand-set terms (TypoTuning): the development text is official prose. Until 2026-12 the character weights were fitted
with scikit-learn on ECSpell's odw.train and the formal model of 2008–2014 text (BENCHMARKS.md). Only numpy is needed.
"""
import argparse
import collections
import os
import subprocess
import sys

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
DEV = os.path.join(ROOT, '.build-data', 'typo-dev')
BINARY = os.path.join(ROOT, '.build', 'release', 'shuzhi')
# ECSpell's 公文 training split: real slips in official documents (its test split is never read).
ECSPELL = os.path.join(ROOT, '..', 'shared', 'corpus', 'ecspell', 'odw.train')
CHARACTER_NAMES = ['languageModel', 'segmentation', 'rarity', 'sameSound', 'otherTone', 'similarShape', 'similarSound',
                   'writtenWord', 'writtenCharacter', 'candidateCharacter', 'bias']
SLIP_KINDS = ['homophoneWord', 'reorder', 'missing', 'redundant']
SLIP_NAMES = ['languageModel', 'generalModel', 'segmentation', 'writtenWord', 'meantWord', 'bias', 'writtenName']


def feature_lines(args, tune):
    env = dict(os.environ, SHUZHI_TYPO_FEATURES='1')
    done = subprocess.run([BINARY, *args, *tune], capture_output=True, text=True, env=env, check=True)
    for line in done.stderr.splitlines():
        if line.startswith('FEAT\t') or line.startswith('SLIP\t'):
            yield line.split('\t')


def character_features(row):
    """CharacterTypoFinder's terms in CHARACTER_NAMES order (the bias as a constant 1, subtracted in Swift)."""
    lm, seg, rarity = map(float, row[4:7])
    kind = int(row[7])
    written_word, written_char, candidate_char = map(float, row[8:11])
    return [lm, min(seg, 25), max(0, rarity),
            1 if kind & 1 else 0, 1 if kind & 2 and not kind & 1 else 0, 1 if kind & 4 and not kind & 3 else 0,
            1 if not kind & 7 else 0, written_word / 10, written_char / 8, candidate_char / 8, 1.0]


def slip_features(row):
    gain_formal, gain_general, segmentation, written_word, meant_word = map(float, row[6:11])
    written_name = float(row[12]) if len(row) > 12 else 0.0
    return [gain_formal, gain_general, min(segmentation, 25), written_word, meant_word, 1.0, written_name]


def fit(x, y, w, l2=1e-3, iterations=100):
    """Weighted logistic regression by Newton's method."""
    beta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(x @ beta, -50, 50)))
        gradient = x.T @ (w * (y - p)) - l2 * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + l2 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def report(name, x, y, w, beta):
    p = 1 / (1 + np.exp(-np.clip(x @ beta, -50, 50)))
    kept = p >= 0.8
    precision = (w * y * kept).sum() / max(1e-9, (w * kept).sum())
    print(f'{name}: {len(y)} candidates, {int(y.sum())} right; at 0.8 weighted precision {precision:.3f}, '
          f'right candidates kept {(y * kept).sum() / max(1, y.sum()):.3f}', file=sys.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--clean-weight', type=float, default=10.0)
    parser.add_argument('--tune', action='append', default=[], help='name=value passed to shuzhi (repeatable)')
    parser.add_argument('--fixed', action='append', default=[],
                        help='a character weight held at 0 (repeatable): writtenCharacter, candidateCharacter …')
    args = parser.parse_args()
    tune = [f'--tune={t}' for t in args.tune]
    target = {}
    for path in (os.path.join(DEV, 'tune.tsv'), ECSPELL):
        with open(path, encoding='utf-8') as handle:
            for line in handle:
                if not line.startswith('#'):
                    _, source, goal = line.rstrip('\n').split('\t')
                    target[source] = goal
    characters, slips = [], collections.defaultdict(list)
    runs = [(['eval', 'csc', os.path.join(DEV, 'tune.tsv')], 1.0),
            (['eval', 'csc', ECSPELL], 1.0),
            (['eval', 'false-alarms', os.path.join(DEV, 'clean-tune')], args.clean_weight)]
    for command, weight in runs:
        clean = command[1] == 'false-alarms'
        for row in feature_lines(command, tune):
            text = row[1]
            if row[0] == 'FEAT':
                # Models-alone candidates (row[11]) and everyday paragraphs (row[13]) keep their hand-set terms.
                if row[11] == '1' or row[13] == '1':
                    continue
                goal = None if clean else target.get(text)
                if not clean and (goal is None or len(goal) != len(text)):
                    continue
                p, candidate = int(row[2]), row[3]
                right = not clean and goal[p] == candidate and text[p] != candidate
                characters.append((character_features(row), 1.0 if right else 0.0, weight))
            else:
                kind, lo, hi, replacement = row[2], int(row[3]), int(row[4]), row[5]
                right = not clean and text in target and text[:lo] + replacement + text[hi:] == target[text]
                slips[kind].append((slip_features(row), 1.0 if right else 0.0, weight))

    def arrays(data):
        return (np.array([f for f, _, _ in data]), np.array([y for _, y, _ in data]), np.array([w for _, _, w in data]))

    x, y, w = arrays(characters)
    keep = [i for i, n in enumerate(CHARACTER_NAMES) if n not in args.fixed]
    beta = np.zeros(len(CHARACTER_NAMES))
    beta[keep] = fit(x[:, keep], y, w)
    report('characters', x, y, w, beta)
    weights = dict(zip(CHARACTER_NAMES, beta))
    weights['bias'] = -weights['bias']          # Swift subtracts the bias
    print('formal: ' + ', '.join(f'{n}: {v:.3f}' for n, v in weights.items()))
    arguments = [f'--tune={n}={v:.3f}' for n, v in weights.items()]
    for kind in SLIP_KINDS:
        if not slips.get(kind):
            continue
        x, y, w = arrays(slips[kind])
        beta = fit(x, y, w)
        report(kind, x, y, w, beta)
        print(f'        {kind}: SlipKindWeights(' + ', '.join(f'{n}: {v:.3f}' for n, v in zip(SLIP_NAMES, beta)) + '),')
        arguments += [f'--tune=slip.{kind}.{n}={v:.3f}' for n, v in zip(SLIP_NAMES, beta)]
    print('tune: ' + ' '.join(arguments))


if __name__ == '__main__':
    main()
