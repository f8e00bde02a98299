//! What a report's opening states that singles out its incident, beyond the places and
//! people its claims name: the proper names and addresses of its first paragraphs
//! ("Algonquin Parkway", "Kosair Children's Hospital", "Shady Tree Lane") and the passages it
//! shares word for word with other reports (a wire story reprinted, a police statement
//! quoted by two outlets).
//!
//! A term weighs by how specific it is (two capitalised words together say more than one)
//! and by how rare it is among the incidents already known: "Chicago" shared with forty
//! incidents tells almost nothing, "Ilanye" shared with one tells a great deal.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashSet;

use super::words::Words;
use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Reading, gazetteer};

/// How far into the body the opening runs, in bytes: later text is often a page's
/// "related stories", which name other incidents, or its footer, which other reports of
/// the same outlet share.
const OPENING_BYTES: usize = 2_000;

/// Words a reused passage has.
const PASSAGE_WORDS: usize = 8;

/// One passage in this many is indexed.
pub(super) const SAMPLE: u64 = 4;

/// Words that end a run of capitalised words: function words, days and months, titles
/// before a name. Capitalised at the start of a sentence or in a title-case line, they name
/// nothing.
#[rustfmt::skip]
const BREAK_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "before",
    "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "mr", "mrs", "ms", "no", "not", "of", "on", "one", "or",
    "our", "she", "so", "that", "the", "their", "there", "these", "they", "this", "those", "to",
    "two", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why",
    "with", "you", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "officer", "officers", "detective", "sgt", "lt", "capt",
    "chief", "deputy", "deputies", "sheriff", "spokesman", "spokeswoman", "update", "updated",
    "breaking", "video", "photo", "photos", "image", "watch", "copyright", "read", "more",
    "click", "related", "advertisement", "posted", "associated", "press", "reuters", "ap",
];

/// Words that name a kind of place or body rather than one place or body: in a run they
/// help make a pair ("Universal City", "Algonquin Parkway"), alone they single out nothing.
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    "police", "department", "county", "city", "town", "township", "village", "state", "street",
    "st", "avenue", "ave", "road", "rd", "drive", "dr", "lane", "ln", "boulevard", "blvd",
    "court", "ct", "place", "way", "highway", "interstate", "route", "block", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "northwest", "northeast",
    "southwest", "southeast", "hospital", "medical", "center", "centre", "school", "high",
    "middle", "elementary", "university", "college", "news", "office", "metro", "national",
    "international", "new", "old", "saint", "fort", "mount", "lake", "river", "park", "hill",
    "hills", "church", "district", "parkway", "the", "co", "inc", "com", "www", "children",
    "memorial", "general", "regional", "community", "public", "safety", "fire", "rescue",
    "emergency", "services", "service", "division", "unit", "bureau", "authority", "apartments",
    "apartment", "complex", "neighborhood", "area", "region", "province", "mr", "man", "woman",
    "boy", "girl", "teen", "child", "family",
];

/// The break words as a set: every capitalised word of a text asks.
static BREAKS: std::sync::LazyLock<FxHashSet<&str>> =
    std::sync::LazyLock::new(|| BREAK_WORDS.iter().copied().collect());

/// The generic words as a set: every word of a name asks.
static GENERIC: std::sync::LazyLock<FxHashSet<&str>> =
    std::sync::LazyLock::new(|| GENERIC_WORDS.iter().copied().collect());

/// What a report's opening offers as evidence of its incident.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Evidence {
    /// Proper names of the opening, lowercased: single words ("algonquin") and pairs of
    /// neighbouring words ("algonquin parkway").
    pub(super) terms: Vec<String>,
    /// Hashes of the eight-word passages of the body's first part.
    pub(super) passages: Vec<u64>,
    /// The words of the opening, as the import's vocabulary knows them.
    pub(super) words: Words,
}

impl Evidence {
    /// The evidence in `body`, whose story starts at its `dateline` when it has one:
    /// what comes before (image ids, captions, menus) is not the report's opening.
    pub(super) fn of(body: &str, dateline: Option<&str>) -> Evidence {
        let body = dateline
            .and_then(|d| body.find(d))
            .map_or(body, |at| &body[at..]);
        let opening = without_notices(&body[..body.floor_char_boundary(OPENING_BYTES)]);
        Evidence {
            terms: terms(&opening),
            passages: passages(&opening),
            words: Words::default(),
        }
    }
}

/// The text without its legal notices ("© 2016 CBS Radio Inc. All Rights Reserved. This
/// material may not be published…"): every report of a publisher's sites carries the same
/// one, whatever it is about.
fn without_notices(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let lower = l.to_lowercase();
            !(l.contains('©') || lower.contains("copyright") || lower.contains("rights reserved"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// How much a term weighs before its rarity: a pair of names more than one name, and a
/// proper name ("Lofton") more than a common word capitalised ("Shady Tree"). A country, a
/// nation or a state ("Egypt", "Egyptian", "Texas") is the setting of many stories and says
/// little.
pub(super) fn term_weight(term: &str) -> f32 {
    if term.starts_with(PERSON) {
        return PERSON_WEIGHT;
    }
    if wide(term) {
        return WIDE_PLACE;
    }
    match term.split_once(' ') {
        Some((a, b)) => specificity(a) + specificity(b),
        None => 0.5 * specificity(term),
    }
}

/// How much a word of a lead's place singles out: as a word of a name, but a country,
/// nation or state little.
pub(super) fn place_weight(word: &str) -> f32 {
    if wide(word) {
        WIDE_PLACE
    } else {
        specificity(word)
    }
}

/// True when `name` is a country, a nation or a state ("Egypt", "Egyptian", "Texas").
fn wide(name: &str) -> bool {
    gazetteer().lookup(name).iter().any(|r| {
        matches!(
            r,
            Reading::Country(_) | Reading::Nationality(_) | Reading::State(_)
        )
    })
}

/// What a person's full name shared weighs, beside its words.
const PERSON_WEIGHT: f32 = 1.0;

/// What a country, nation or state shared weighs.
const WIDE_PLACE: f32 = 0.25;

/// How much a word of a name singles out: a proper name fully, a common word a little, a
/// word for a kind of place or body not at all.
fn specificity(word: &str) -> f32 {
    if word.chars().count() < 3 || GENERIC.contains(word) {
        0.0
    } else if is_common(word) {
        0.35
    } else {
        1.0
    }
}

/// A word of the text with what grouping needs to know about it.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    /// First letter upper case.
    capital: bool,
    /// First word of a sentence, of a line or after a colon or an opening quote.
    initial: bool,
    /// Punctuation other than a space between it and the next word.
    joined: bool,
}

fn words_of<'a>(line: &'a str) -> Vec<Word<'a>> {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    let mut out = Vec::new();
    let mut initial = true;
    // One pass over the characters: each run of word characters is taken with the gap
    // after it (up to the next word, or the line's end), which says how it is joined.
    let mut word: Option<(usize, usize)> = None;
    let mut start: Option<usize> = None;
    let mut take = |(start, end): (usize, usize), gap: &str, out: &mut Vec<Word<'a>>| {
        let word = &line[start..end];
        // Most words are plain letters: only a quote or a hyphen at an end is trimmed.
        let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        let raw = if plain(word.as_bytes().first()) && plain(word.as_bytes().last()) {
            word
        } else {
            word.trim_matches(|c| matches!(c, '\'' | '’' | '-'))
        };
        let text = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw);
        // Most gaps are one space: nothing ends there and nothing joins.
        let spaced = gap == " ";
        // "St. Louis": a period after a word of one or two letters abbreviates it.
        let abbreviation = !spaced && gap.trim() == "." && text.chars().count() <= 2;
        let ends =
            !spaced && !abbreviation && gap.contains(['.', '!', '?', ':', '"', '“', '(', '—', '–']);
        if text.is_empty() {
            initial |= ends;
        } else {
            out.push(Word {
                text,
                capital: text.chars().next().is_some_and(char::is_uppercase),
                initial,
                joined: !spaced && !abbreviation && gap.chars().any(|c| !c.is_whitespace()),
            });
            initial = ends;
        }
    };
    for (i, c) in line.char_indices() {
        match (is_word(c), start) {
            (true, None) => {
                if let Some(w) = word.take() {
                    take(w, &line[w.1..i], &mut out);
                }
                start = Some(i);
            }
            (false, Some(s)) => {
                word = Some((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        word = Some((s, line.len()));
    }
    if let Some(w) = word {
        take(w, &line[w.1..], &mut out);
    }
    out
}

/// True for a function word, a day, a month or a title ("the", "Friday", "Jan", "Sgt"),
/// lower case.
pub(super) fn is_break(word: &str) -> bool {
    BREAKS.contains(word)
}

/// A line most of whose words are capitalised is a headline, a caption or a menu: its
/// capitals say nothing about names.
fn title_case(words: &[Word]) -> bool {
    let capitals = words.iter().filter(|w| w.capital).count();
    words.len() >= 3 && capitals * 10 >= words.len() * 7
}

/// The proper names of `text`, lower case, single words and pairs, in text order.
pub(super) fn terms(text: &str) -> Vec<String> {
    let lines: Vec<Vec<Word>> = text
        .lines()
        .map(words_of)
        .filter(|w| !w.is_empty() && !title_case(w))
        .collect();
    // Only a capitalised word can be a name: the others are not lowercased at all.
    let lowers: Vec<Vec<Option<String>>> = lines
        .iter()
        .map(|line| {
            line.iter()
                .map(|w| w.capital.then(|| w.text.to_lowercase()))
                .collect()
        })
        .collect();
    // A capitalised word that opens a sentence is a name only when the text also
    // capitalises it where no sentence opens. Sets, not lists: a long text has thousands of
    // capitalised words, and each asks.
    let named: FxHashSet<&str> = lines
        .iter()
        .flatten()
        .zip(lowers.iter().flatten())
        .filter(|(w, _)| !w.initial)
        .filter_map(|(_, lower)| lower.as_deref())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let push = |t: String, out: &mut Vec<String>, seen: &mut FxHashSet<String>| {
        if !seen.contains(&t) {
            seen.insert(t.clone());
            out.push(t);
        }
    };
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for (line, lowers) in lines.iter().zip(&lowers) {
        let mut run: Vec<&str> = Vec::new();
        for (i, (w, lower)) in line.iter().zip(lowers).enumerate() {
            let lower = lower.as_deref().filter(|lower| {
                w.text.chars().any(char::is_alphabetic)
                    && !w.text.chars().any(|c| c.is_ascii_digit())
                    && !BREAKS.contains(lower)
                    && (!w.initial
                        || named.contains(lower)
                        || shouted(w.text)
                        || line.get(i + 1).is_some_and(|n| n.capital && !w.joined))
            });
            if let Some(lower) = lower {
                run.push(lower);
            }
            if lower.is_none() || w.joined {
                emit(&run, &mut |t| push(t, &mut out, &mut seen));
                runs.push(std::mem::take(&mut run));
            }
        }
        emit(&run, &mut |t| push(t, &mut out, &mut seen));
        runs.push(run);
    }
    // "Devon Lofton ... Lofton said": a full name, then its last word alone, is a person's.
    let alone: FxHashSet<&str> = runs
        .iter()
        .filter_map(|r| match r.as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .collect();
    for r in &runs {
        if let [first, last] = r.as_slice()
            && specificity(first) > 0.0
            && specificity(last) == 1.0
            && !wide(last)
            && alone.contains(last)
        {
            push(format!("{PERSON}{first} {last}"), &mut out, &mut seen);
        }
    }
    out
}

/// The mark of a term that is a person's full name.
pub(super) const PERSON: &str = "person:";

/// A word in capitals ("LOUISVILLE, Ky. —"): a dateline's place or an agency, unless the
/// whole line shouts (which `title_case` rules out first).
fn shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !word.chars().any(char::is_lowercase)
}

/// The terms of one run of capitalised words: its proper names, and each pair of
/// neighbours not both generic.
fn emit(run: &[&str], push: &mut impl FnMut(String)) {
    for w in run {
        if specificity(w) == 1.0 {
            push((*w).to_string());
        }
    }
    for pair in run.windows(2) {
        if specificity(pair[0]) + specificity(pair[1]) > 0.0 {
            push(format!("{} {}", pair[0], pair[1]));
        }
    }
}

fn passages(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // One passage in SAMPLE is kept, the same ones in every report (by hash): reused text
    // is still found, with a quarter of the index.
    let mut out: Vec<u64> = words
        .windows(PASSAGE_WORDS)
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .filter(|h| h % SAMPLE == 0)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses_are_terms() {
        let t = terms(
            "LOUISVILLE, KY (WAVE) - Police said a 4-year-old girl died Saturday.\n\
             Ilanye Price was taken to Kosair Children's Hospital after being injured at a \
             home on Algonquin Parkway near 35th Street.",
        );
        for want in [
            "louisville",
            "ilanye",
            "ilanye price",
            "kosair",
            "kosair children",
            "algonquin",
            "algonquin parkway",
        ] {
            assert!(t.contains(&want.to_string()), "{want} missing from {t:?}");
        }
        for not in [
            "police",
            "saturday",
            "hospital",
            "street",
            "children hospital",
        ] {
            assert!(!t.contains(&not.to_string()), "{not} in {t:?}");
        }
    }

    #[test]
    fn sentence_openers_and_headlines_are_no_names() {
        let t = terms(
            "Boy Who Was Shot In The Face Has Died\n\
             Investigators believe the teen was mishandling the gun. Shots rang out.",
        );
        assert!(t.is_empty(), "{t:?}");
        // A word that opens a sentence is a name when the text capitalises it elsewhere.
        let t = terms("Garcia was 17. Police said that Garcia was at home.");
        assert_eq!(t, ["garcia"]);
    }

    #[test]
    fn a_full_name_then_its_last_word_is_a_person() {
        let t = terms("Devon Lofton was shot on Elm Street. Police said Lofton was 19.");
        assert!(t.contains(&format!("{PERSON}devon lofton")), "{t:?}");
        let t = terms("Devon Lofton was shot on Elm Street.");
        assert!(!t.iter().any(|x| x.starts_with(PERSON)), "{t:?}");
    }

    #[test]
    fn abbreviations_keep_a_name_whole() {
        let t = terms("He lived in St. Louis County with his aunt.");
        assert!(t.contains(&"st louis".to_string()), "{t:?}");
        assert!(t.contains(&"louis county".to_string()), "{t:?}");
    }

    #[test]
    fn states_and_countries_weigh_little() {
        assert!(place_weight("kentucky") < place_weight("louisville"));
        assert!(term_weight("egyptian") < term_weight("bahariya"));
        assert!(term_weight("ilanye price") > term_weight("shady tree"));
        assert_eq!(term_weight("police department"), 0.0);
    }

    #[test]
    fn legal_notices_are_no_evidence() {
        let e = Evidence::of(
            "Kim Lofton was shot on Elm Street.\n© 2016 CBS Radio Inc. All Rights Reserved.",
            None,
        );
        assert!(e.terms.contains(&"lofton".to_string()));
        assert!(!e.terms.iter().any(|t| t.contains("cbs")), "{:?}", e.terms);
    }

    #[test]
    fn reprinted_passages_share_hashes() {
        let story = "Two men were shot dead on Elm Street late on Friday, police said. The \
                     gunman fled in a grey car towards the river before officers arrived and \
                     a neighbour who heard six shots called for an ambulance at once.";
        let a = passages(story);
        let b = passages(&format!("Police say: {story} More to follow."));
        assert!(!a.is_empty(), "a passage in {SAMPLE} is kept");
        assert!(a.iter().all(|h| b.contains(h)));
        assert!(passages("too short to share").is_empty());
    }
}
