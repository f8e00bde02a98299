//! Places news gives without a preposition or a gazetteer's help: street addresses and blocks
//! ("the 12500 block of East 223rd Street", "44 E. Bruce Ave.", "N.W. 25th Avenue & 102nd
//! Street"), the dateline that opens a report ("CEDAR RAPIDS, Iowa (AP) —", "(Mountain View)
//! –"), and the test that a name after a preposition is a place at all (a town the gazetteer
//! knows, or a name ending in a word for a site: "Good Samaritan Hospital", "Big Creek
//! Reservoir").

use super::gazetteer::gazetteer;
use super::lexicon::Lexicon;
use super::location::Location;
use super::tokens::{Kind, Tokens};

/// Words that end a street's name; those with a period may be written short ("Ave.").
const STREET_SUFFIXES: [&str; 24] = [
    "street",
    "st",
    "avenue",
    "ave",
    "avenues",
    "road",
    "rd",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "parkway",
    "highway",
    "terrace",
    "streets",
    "roads",
    "paseo",
];

/// Compass abbreviations in addresses ("E. Bruce Ave.", "NW 38th Avenue").
const COMPASS: [&str; 12] = [
    "n", "s", "e", "w", "nw", "ne", "sw", "se", "north", "south", "east", "west",
];

/// Words that make a capitalised name a site ("Good Samaritan Hospital", "the Tasman Glacier
/// area", "the Gulf of Aden").
const SITE_WORDS: [&str; 40] = [
    "hospital",
    "center",
    "centre",
    "park",
    "reservoir",
    "glacier",
    "club",
    "hotel",
    "store",
    "courthouse",
    "community",
    "area",
    "village",
    "county",
    "ocean",
    "gulf",
    "sea",
    "bay",
    "mountain",
    "mount",
    "lake",
    "river",
    "island",
    "airport",
    "station",
    "school",
    "church",
    "garden",
    "gardens",
    "range",
    "complex",
    "apartments",
    "street",
    "avenue",
    "road",
    "boulevard",
    "highway",
    "market",
    "mall",
    "home",
];

/// True when token `i` is an ordinal written in digits ("223rd", "8th").
fn ordinal_at(toks: &Tokens, i: usize) -> bool {
    toks.kind(i) == Some(Kind::Number)
        && toks.touches_previous(i + 1)
        && toks.is_any(i + 1, &["st", "nd", "rd", "th"])
}

/// The end of a street's words from `j` ("East 223rd Street", "N.W. 25th Avenue & 102nd
/// Street", "Laurel and Linden avenues"), and whether a street suffix ends them.
fn street_run(toks: &Tokens, j: usize, to: usize) -> Option<(usize, bool)> {
    let mut k = j;
    let mut suffix = false;
    let mut words = 0;
    while k < to && words < 8 {
        let lower = toks.lower(k).unwrap_or_default();
        if ordinal_at(toks, k) {
            k += 2;
        } else if toks.is_capitalized(k) || (toks.kind(k) == Some(Kind::Number) && words > 0) {
            k += 1;
        } else if words > 0 && STREET_SUFFIXES.contains(&lower) {
            // "Laurel and Linden avenues".
            k += 1;
        } else if words > 0
            && toks.is_any(k, &["and", "&"])
            && (toks.is_capitalized(k + 1) || ordinal_at(toks, k + 1))
        {
            k += 1;
            continue;
        } else {
            break;
        }
        words += 1;
        // "Ave.", "N.W.": a short word's period.
        while toks.is_punct(k, '.')
            && toks.lower(k - 1).is_some_and(|w| {
                w.len() <= 4 && (STREET_SUFFIXES.contains(&w) || COMPASS.contains(&w))
            })
        {
            k += 1;
            if toks.lower(k).is_some_and(|w| COMPASS.contains(&w)) && toks.touches_previous(k) {
                k += 1;
            }
        }
        if STREET_SUFFIXES.contains(&lower) {
            suffix = true;
        }
    }
    (words > 0).then_some((k, suffix))
}

/// Street addresses and blocks in tokens `from..to`.
pub fn addresses(toks: &Tokens, from: usize, to: usize) -> Vec<Location> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        let number = toks.kind(i) == Some(Kind::Number) && !ordinal_at(toks, i);
        let block = number && toks.is(i + 1, "block") && toks.is(i + 2, "of");
        let (start, words_from) = if block {
            (
                if i > from && toks.is(i - 1, "the") {
                    i - 1
                } else {
                    i
                },
                i + 3,
            )
        } else if number
            || ordinal_at(toks, i)
            || (toks.is_capitalized(i) && toks.lower(i).is_some_and(|w| COMPASS.contains(&w)))
        {
            (i, if number { i + 1 } else { i })
        } else {
            i += 1;
            continue;
        };
        let direction = toks.lower(words_from).is_some_and(|w| COMPASS.contains(&w));
        match street_run(toks, words_from, to) {
            // A block, a named street, or a number and a compass point ("561 N. Center").
            Some((end, suffix))
                if block || suffix || (number && direction && end > words_from + 1) =>
            {
                found.push(Location::named(toks, start, end));
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

/// Places one inside another as one location ("Mount Sefton in the Aoraki-Mount Cook national
/// park", "a mobile home in the 16000 block of Bachmann Avenue in Hudson", "Portneuf Medical
/// Center in Pocatello"): the analyst reads where, not two places.
pub fn join_nested(toks: &Tokens, places: Vec<Location>) -> Vec<Location> {
    let mut out: Vec<Location> = Vec::with_capacity(places.len());
    for p in places {
        // A site or an address inside a town ("the Carlton hotel in Cannes"); two regions
        // ("Bahariya Oasis in the nation's Western Desert") stay two.
        let inner_site = |l: &Location| l.place.as_deref().is_some_and(is_site);
        if let Some(last) = out.last_mut()
            && inner_site(last)
            && last.distance.is_none()
            && p.distance.is_none()
            && (p.start == last.end + 1
                || (p.start == last.end + 2 && toks.is_any(last.end + 1, &["the", "a", "an"])))
            && toks.is_any(last.end, &["in", "near", "on", "outside", "at", "off"])
        {
            last.end = p.end;
            last.place = Some(toks.slice(last.start, last.end).to_string());
            continue;
        }
        out.push(p);
    }
    out
}

/// Words of region before a place's name ("central Paris", "Southeast D.C.", "upper
/// Manhattan", "north St. Louis").
pub(super) const REGIONS: [&str; 14] = [
    "central",
    "upper",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// True when a place's words name a site or an address, not a town or a region ("Good
/// Samaritan Hospital", "the 100 block of Main Street", "a mobile home in Hudson").
pub fn is_site(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    name.chars().any(|c| c.is_ascii_digit())
        || words.first().is_some_and(|w| is_site_word(w))
        || words.last().is_some_and(|w| is_site_word(w))
        || words.iter().any(|w| w == "in")
}

/// True when `word` (lower case) is a word for a site.
pub fn is_site_word(word: &str) -> bool {
    SITE_WORDS.contains(&word)
}

/// True when `name` is a place: one the gazetteer knows, or a name ending in (or starting
/// with) a word for a site.
pub fn is_known(name: &str, lex: &Lexicon) -> bool {
    let known = gazetteer().is_place(name);
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
        .collect();
    let site = |w: &String| is_site_word(w) || lex.place_nouns.has_word(w);
    // "central Paris", "Southeast D.C.": a known place after a word of region.
    let after_region = name.split_once(' ').is_some_and(|(region, rest)| {
        REGIONS.contains(&region.to_lowercase().as_str()) && gazetteer().is_place(rest)
    });
    // "our city": a bare word for a place, with no name, is no place named.
    let named = name.chars().any(char::is_uppercase) || name.chars().any(|c| c.is_ascii_digit());
    known
        || after_region
        || (named && (words.last().is_some_and(site) || words.first().is_some_and(site)))
}

/// The dateline opening a report's first sentence `from..to`: a place in capitals, perhaps
/// with its state, then the outlet in brackets or a dash ("CEDAR RAPIDS, Iowa (AP) —",
/// "SALT LAKE CITY —", "(Mountain View) –").
pub fn dateline(toks: &Tokens, from: usize, to: usize) -> Option<Location> {
    let bracketed = toks.is_punct(from, '(');
    let start = if bracketed { from + 1 } else { from };
    let mut k = start;
    let shouted = |k: usize| {
        toks.kind(k) == Some(Kind::Word) && !toks.text(k).chars().any(char::is_lowercase)
    };
    while k < to
        && k < start + 4
        && (if bracketed {
            toks.is_capitalized(k)
        } else {
            shouted(k)
        })
    {
        k += 1;
    }
    if k == start {
        return None;
    }
    let place_end = k;
    let mut end = k;
    // ", Iowa", ", Mo.", ", N.Y."
    if !bracketed && toks.is_punct(end, ',') && toks.is_capitalized(end + 1) {
        let mut s = end + 1;
        while s < to && s < end + 6 && (toks.is_capitalized(s) || toks.is_punct(s, '.')) {
            s += 1;
        }
        end = s;
    }
    let mut after = end;
    if bracketed {
        if !toks.is_punct(after, ')') {
            return None;
        }
        after += 1;
    } else if toks.is_punct(after, '(') {
        after = (after..(after + 6).min(to)).find(|&x| toks.is_punct(x, ')'))? + 1;
    }
    let dash = ["—", "–", "-", "--"].iter().any(|d| toks.text(after) == *d);
    let known = gazetteer().is_place(toks.slice(start, place_end));
    (dash && (known || end > place_end)).then(|| Location::named(toks, start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::leaked as toks;

    fn addr(text: &'static str) -> Vec<String> {
        let t = toks(text);
        addresses(&t, 0, t.len())
            .into_iter()
            .filter_map(|l| l.place)
            .collect()
    }

    fn line(text: &'static str) -> Option<String> {
        let t = toks(text);
        dateline(&t, 0, t.len()).and_then(|l| l.place)
    }

    #[test]
    fn streets_blocks_and_corners() {
        assert_eq!(
            addr("an apartment complex in the 12500 block of East 223rd Street, to"),
            ["the 12500 block of East 223rd Street"]
        );
        assert_eq!(
            addr("the home at 44 E. Bruce Ave. on Saturday"),
            ["44 E. Bruce Ave."]
        );
        assert_eq!(
            addr("at an apartment at 561 N. Center. Salt"),
            ["561 N. Center"]
        );
        assert_eq!(
            addr("It happened at N.W. 25th Avenue & 102nd Street as"),
            ["N.W. 25th Avenue & 102nd Street"]
        );
        assert_eq!(
            addr("at the crime scene, 240 Woodland Street."),
            ["240 Woodland Street"]
        );
        assert!(addr("killed 23 people in 2013 and 14 Somali pirates").is_empty());
    }

    #[test]
    fn datelines() {
        assert_eq!(
            line("CEDAR RAPIDS, Iowa (AP) — Cedar Rapids police").as_deref(),
            Some("CEDAR RAPIDS, Iowa")
        );
        assert_eq!(
            line("SALT LAKE CITY — Police say").as_deref(),
            Some("SALT LAKE CITY")
        );
        assert_eq!(
            line("(Mountain View) – A Mountain View man").as_deref(),
            Some("Mountain View")
        );
        assert_eq!(line("BREAKING NEWS: a fire"), None);
    }
}
