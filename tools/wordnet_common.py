#!/usr/bin/env python3
"""Writes assets/common-words.txt: the single English words WordNet 3.0 writes in lower case
(common nouns, verbs, adjectives, adverbs), with their irregular forms.

Usage: tools/wordnet_common.py WORDNET_DICT_DIR > assets/common-words.txt
  WORDNET_DICT_DIR holds WordNet 3.0's data.* and *.exc files (Debian: `apt-get download
  wordnet-base`, then `dpkg-deb -x` it; the files are under usr/share/wordnet).

Grouping uses the list to tell a proper name ("Ninepipes", "Lofton") from a common word
capitalised in a name or a headline ("Shady Tree Lane", "Natural Resources"): shared proper
names say more about which incident two reports cover. Regular inflections ("resources") are
found by the reader, which strips them. Only letters a-z, two letters or more; one word a line,
sorted. Standard library only; deterministic."""
import os, re, sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    words = set()
    for pos in ('noun', 'verb', 'adj', 'adv'):
        for line in open(os.path.join(d, 'data.' + pos), encoding='latin-1'):
            if line.startswith('  '):
                continue
            p = line.split(' ')
            for i in range(int(p[3], 16)):
                w = re.sub(r'\(.*\)$', '', p[4 + 2 * i])
                if re.fullmatch(r'[a-z]{2,}', w):
                    words.add(w)
    for pos in ('noun', 'verb', 'adj', 'adv'):
        for line in open(os.path.join(d, pos + '.exc'), encoding='latin-1'):
            form, *bases = line.split()
            if re.fullmatch(r'[a-z]{2,}', form) and any(b in words for b in bases):
                words.add(form)
    out = sys.stdout
    out.write('# Single English words WordNet 3.0 writes in lower case, with irregular forms.\n')
    out.write('# Derived from WordNet 3.0 (Princeton University) by tools/wordnet_common.py;\n')
    out.write('# WordNet 3.0 Copyright 2006 by Princeton University. See LICENSE-WordNet.txt.\n')
    for w in sorted(words):
        out.write(w + '\n')


if __name__ == '__main__':
    main()
