#!/usr/bin/env python3
"""Write the tuning set for the weights of everyday writing (TypoWeights.everyday).

    python3 Scripts/make-everyday-tuning.py      # writes .build-data/everyday-tuning.tsv (source<TAB>target)

The sentences are pycorrector's own evaluation sample (pycorrector 0.4.2 sdist on PyPI, sha256 pinned below,
pycorrector/data/eval_corpus.json, Apache-2.0): 100 character errors from the BCMI corpus, 100 learners' sentences
from the SIGHAN-2015 training set, 100 from the CLP-2014 (SIGHAN-2014) training set, and 200 correct sentences from
CGED learners' essays (pycorrector/utils/eval.py, build_eval_corpus). It is a training-side sample: no sentence is
in the SIGHAN-2015 test file, and a sentence sharing any ten-character passage with that file is dropped all the
same (one is, a retelling of the same picture story). Deterministic.
"""
import hashlib
import json
import os
import subprocess
import sys
import tarfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
CACHE = os.path.join(ROOT, '.build-data')
OUT = os.path.join(CACHE, 'everyday-tuning.tsv')
TEST = os.path.join(ROOT, '..', 'shared', 'corpus', 'sighan', 'sighan2015_test.tsv')
PACKAGE, VERSION = 'pycorrector', '0.4.2'
DIGEST = '35a98cdac607ef91443cf040760641df7ed3ae70eac6d9874a1a4e48c2b53fcc'
MEMBER = f'{PACKAGE}-{VERSION}/pycorrector/data/eval_corpus.json'


def fetch():
    download = os.path.join(CACHE, 'downloads')
    archive = os.path.join(download, f'{PACKAGE}-{VERSION}.tar.gz')
    if not os.path.exists(archive):
        subprocess.check_call([sys.executable, '-m', 'pip', 'download', '--no-deps', '--no-binary', ':all:',
                               '--quiet', '-d', download, f'{PACKAGE}=={VERSION}'])
    with open(archive, 'rb') as handle:
        if hashlib.sha256(handle.read()).hexdigest() != DIGEST:
            raise SystemExit(f'{archive}: sha256 differs from the pinned {DIGEST}')
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile(MEMBER))


def passages(text, n=10):
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def main():
    corpus = fetch()
    seen = set()
    if os.path.exists(TEST):
        with open(TEST, encoding='utf-8') as handle:
            for line in handle:
                for part in line.rstrip('\n').split('\t')[-2:]:
                    seen |= passages(part)
    rows = [f"{item['text']}\t{item['correction']}\n" for item in corpus
            if len(item['text']) == len(item['correction'])
            and not (passages(item['text']) | passages(item['correction'])) & seen]
    with open(OUT, 'w', encoding='utf-8') as handle:
        handle.writelines(rows)
    print(f'{OUT}: {len(rows)} of {len(corpus)} sentences')


if __name__ == '__main__':
    main()
