#!/usr/bin/env python3
"""Write assets/first-names.txt: the 1990 US Census's first names (public domain), lower case.

Usage: pip download names==0.3.0 --no-deps; tar xzf names-0.3.0.tar.gz;
       python3 tools/first_names.py names-0.3.0/names > assets/first-names.txt
"""
import sys
from pathlib import Path

src = Path(sys.argv[1])
names = set()
for f in ("dist.male.first", "dist.female.first"):
    for line in (src / f).read_text().splitlines():
        if line.strip():
            names.add(line.split()[0].lower())
print("# First names of people in the United States: the 1990 Census's lists of male and female first")
print('# names (U.S. Census Bureau, public domain), as packaged in the "names" Python package 0.3.0')
print("# (MIT licence). Lower case, one a line. tools/first_names.py writes this file.")
for n in sorted(names):
    print(n)
