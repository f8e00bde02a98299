#!/usr/bin/env python3
"""Writes assets/person-nouns.txt: the English nouns whose usual sense is a person, from WordNet 3.0.

Usage: tools/wordnet_people.py WORDNET_DICT_DIR > assets/person-nouns.txt
  WORDNET_DICT_DIR holds WordNet 3.0's data.noun, index.*, noun.exc, verb.exc and cntlist.rev
  (Debian: `apt-get download wordnet-base`, then `dpkg-deb -x` it; the files are under
  usr/share/wordnet).

A noun is kept when its most frequent sense is in the noun.person lexicographer file, it is a
common noun (the sense's word is written in lower case) and no pronoun ("a nobody"), it is not more often an adjective, verb
or adverb (by SemCor tag counts), it is no verb's participle ("chosen", "pursued"), it names no
animal in any sense ("tiger"), and that sense is attested in SemCor or is its only sense (an
untagged word's sense order says nothing). Its group comes from the sense's hypernyms: law
officers are security_forces, servicemen soldiers, wrongdoers and defendants suspects,
terrorists and guerrillas militants, everyone else people. Each line: singular, plural, group.
Standard library only; deterministic."""
import collections, os, re, sys

PERSON, ANIMAL = 18, 5
# Synsets (WordNet 3.0 offsets) whose hyponyms form a group of their own.
ANCHORS = [
    ('10249459', 'security_forces'),  # lawman, law officer
    ('10582746', 'soldiers'),  # serviceman, military personnel
    ('09633969', 'suspects'),  # wrongdoer, offender
    ('09762101', 'suspects'),  # defendant, suspect
    ('10702781', 'militants'),  # terrorist
    ('10150556', 'militants'),  # guerrilla, insurgent
]
# Pronouns WordNet also lists as nouns ("a nobody"): "nobody was hurt" counts no one.
PRONOUNS = {'nobody', 'anybody', 'everybody', 'everyone', 'anyone', 'none'}
# Compounds of "man" whose plural is not "-men".
NOT_MEN = {'human', 'shaman', 'talisman', 'caiman', 'ottoman', 'german', 'roman', 'desman', 'dolman'}


def synsets(d):
    """offset -> (lexicographer file, words, hypernym offsets)"""
    out = {}
    for line in open(os.path.join(d, 'data.noun'), encoding='latin-1'):
        if line.startswith('  '):
            continue
        f = line.split(' | ')[0].split()
        n = int(f[3], 16)
        words = [f[4 + 2 * i] for i in range(n)]
        k = 4 + 2 * n
        hyper = []
        for _ in range(int(f[k])):
            sym, off, pos = f[k + 1], f[k + 2], f[k + 3]
            k += 4
            if sym in ('@', '@i') and pos == 'n':
                hyper.append(off)
        out[f[0]] = (int(f[1]), words, hyper)
    return out


def senses(d, pos):
    """lemma -> synset offsets, most frequent first"""
    out = {}
    for line in open(os.path.join(d, 'index.' + pos), encoding='latin-1'):
        if line.startswith('  '):
            continue
        f = line.split()
        out[f[0]] = f[4 + int(f[3]) + 2:]
    return out


def plural(word, irregular):
    if word in irregular:
        return irregular[word]
    if word.endswith('man') and word not in NOT_MEN and len(word) > 3:
        return word[:-3] + 'men'
    if word.endswith('person'):
        return word[:-6] + 'people'
    if word.endswith('ife'):
        return word[:-3] + 'ives'
    if re.search(r'(s|x|z|ch|sh)$', word):
        return word + 'es'
    if re.search(r'[^aeiou]y$', word):
        return word[:-1] + 'ies'
    return word + 's'


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    syn = synsets(d)
    nouns = senses(d, 'noun')
    other = set()
    for pos in ('adj', 'verb', 'adv'):
        other |= set(senses(d, pos))
    participles = {l.split()[0] for l in open(os.path.join(d, 'verb.exc'), encoding='latin-1')}
    verbs = set(senses(d, 'verb'))
    irregular = {}
    for line in open(os.path.join(d, 'noun.exc'), encoding='latin-1'):
        many, one = line.split()[:2]
        irregular.setdefault(one, many)
    person_tags, other_tags = collections.Counter(), collections.Counter()
    for line in open(os.path.join(d, 'cntlist.rev'), encoding='latin-1'):
        key, _, n = line.split()
        lemma, rest = key.split('%')
        ss_type, lexfile = rest.split(':')[:2]
        if ss_type == '1' and int(lexfile) == PERSON:
            person_tags[lemma] += int(n)
        elif ss_type != '1':
            other_tags[lemma] += int(n)

    def closure(off):
        seen, todo = set(), [off]
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(syn[x][2])
        return seen

    print('# English nouns whose usual sense is a person, with their plural and group.')
    print('# Derived from WordNet 3.0 (Princeton University) by tools/wordnet_people.py;')
    print('# WordNet 3.0 Copyright 2006 by Princeton University. See LICENSE-WordNet.txt.')
    for lemma in sorted(nouns):
        offs = nouns[lemma]
        if not re.fullmatch(r'[a-z][a-z\-]*[a-z]', lemma) or lemma in PRONOUNS:
            continue
        lexfile, words, _ = syn[offs[0]]
        if lexfile != PERSON or lemma not in (w.split('(')[0] for w in words):
            continue
        if lemma in other and person_tags[lemma] <= other_tags[lemma]:
            continue
        if lemma in participles or (re.search(r'(ed|en)$', lemma) and (lemma[:-2] in verbs or lemma[:-1] in verbs)):
            continue
        if any(syn[o][0] == ANIMAL for o in offs):
            continue
        if person_tags[lemma] == 0 and len(offs) > 1:
            continue
        up = closure(offs[0])
        group = next((g for a, g in ANCHORS if a in up), 'people')
        print(lemma, plural(lemma, irregular), group)


main()
