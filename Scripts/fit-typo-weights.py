#!/usr/bin/env python3
"""Fit the typo.char weights (Sources/ShuzhiKit/Rules/Typo/TypoTuning.swift) on ECSpell's 公文 training split.

    swift build -c release && python3 Scripts/fit-typo-weights.py [--rounds 1]

The release binary scores every candidate correction of odw.train with SHUZHI_TYPO_FEATURES=1, which makes the finder
print each candidate's evidence; a logistic regression (scikit-learn) over those candidates, labelled by whether the
candidate is the gold correction at its position, gives the weights. Corrections change the context of later
positions, so the fit can be repeated with the new weights (--rounds); one round from the committed weights is
what produced them, and further rounds wander rather than converge. Only odw.train is read: no evaluation set.
Prints the weights as `--tune` arguments and as Swift.

--everyday fits the weights of everyday paragraphs, the general model's evidence included, on the everyday tuning
set. Its 156 gold candidates are too few for twelve weights: the fit scored 0.290 on that set against 0.426 for the
committed TypoWeights.everyday (the formal weights plus the general model at 1.5; BENCHMARKS.md), so it is a
measurement, not the source of the committed weights.
"""
import argparse
import os
import subprocess
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
TRAIN = os.path.join(ROOT, '..', 'shared', 'corpus', 'ecspell', 'odw.train')
EVERYDAY = os.path.join(ROOT, '.build-data', 'everyday-tuning.tsv')
BINARY = os.path.join(ROOT, '.build', 'release', 'shuzhi')
NAMES = ['languageModel', 'segmentation', 'rarity', 'sameSound', 'otherTone', 'similarShape', 'similarSound',
         'writtenWord', 'writtenCharacter', 'candidateCharacter']


def features(row, everyday):
    """The terms of CharacterTypoFinder's sum, in NAMES order (with the general model's after the formal one's for
    everyday writing), from one FEAT line."""
    lm, seg, rarity = map(float, row[4:7])
    kind = int(row[7])
    written_word, written_char, candidate_char = map(float, row[8:11])
    return [lm] + ([float(row[12])] if everyday else []) + [min(seg, 25), max(0, rarity),
            1 if kind & 1 else 0, 1 if kind & 2 and not kind & 1 else 0, 1 if kind & 4 and not kind & 3 else 0,
            1 if not kind & 7 else 0, written_word / 10, written_char / 8, candidate_char / 8]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--rounds', type=int, default=1)
    parser.add_argument('--everyday', action='store_true',
                        help='fit the everyday weights (both models) on the everyday tuning set '
                             '(Scripts/make-everyday-tuning.py), every sentence taken as everyday writing')
    args = parser.parse_args()
    train = EVERYDAY if args.everyday else TRAIN
    forced = ['--tune=registerMargin=-1000'] if args.everyday else []
    gold = {}
    with open(train, encoding='utf-8') as handle:
        for line in handle:
            parts = line.rstrip('\n').split('\t')
            gold[parts[-2]] = parts[-1]
    # The committed weights were fitted with characters inside frequent words left out (see TypoTuning).
    tune = ['--tune=frequentWordGain=0'] + forced
    for _ in range(args.rounds):
        run = subprocess.run([BINARY, 'eval', 'csc', train, *tune], env={**os.environ, 'SHUZHI_TYPO_FEATURES': '1'},
                             capture_output=True, text=True, check=True)
        print(run.stdout.splitlines()[1], file=sys.stderr)
        x, y = [], []
        for line in run.stderr.splitlines():
            row = line.split('\t')
            # Function-character candidates (the `alone` terms) are too rare in ECSpell to fit (one gold case);
            # their two weights are set by hand in TypoTuning.
            if row[0] != 'FEAT' or row[11] == '1' or row[1] not in gold or len(gold[row[1]]) != len(row[1]):
                continue
            x.append(features(row, args.everyday))
            y.append(1 if gold[row[1]][int(row[2])] == row[3] else 0)
        model = LogisticRegression(C=1.0, max_iter=5000).fit(np.array(x), np.array(y))
        names = NAMES[:1] + ['generalModel'] + NAMES[1:] if args.everyday else NAMES
        weights = dict(zip(names, model.coef_[0]))
        weights['bias'] = -model.intercept_[0]
        prefix = 'everyday.' if args.everyday else ''
        tune = ['--tune=frequentWordGain=0'] + forced + [f'--tune={prefix}{name}={value:.3f}'
                                                          for name, value in weights.items()]
        print(f'{len(y)} candidates, {sum(y)} gold', file=sys.stderr)
    print(' '.join(tune))
    print(', '.join(f'{name}: {value:.3f}' for name, value in weights.items()))


if __name__ == '__main__':
    main()
