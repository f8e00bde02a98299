//! The words names are read by: first names, the heads of organisations' names, titles,
//! and the small tests on words the reading needs.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::super::timex::is_calendar_word;
use super::super::tokens::{Kind, Tokens};
use crate::model::ActorRole;

/// The shipped first names: one a line, lower case; `#` starts a comment line.
pub(super) const FIRST_NAMES: &str = include_str!("../../../assets/first-names.txt");

pub(super) fn first_names() -> &'static FxHashSet<&'static str> {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| super::super::common_words::word_list(FIRST_NAMES))
}

/// Words that make a run of capitals an organisation's name.
#[rustfmt::skip]
pub(super) const ORG_HEADS: [&str; 48] = [
    "administration", "agency", "army", "association", "authority", "board", "brigade", "bureau",
    "coalition", "commission", "committee", "company", "congress", "corp", "corporation",
    "council", "court", "department", "departments", "entertainment", "force", "forces",
    "foundation", "fund", "government", "group", "guard", "inc", "institute", "militia",
    "ministry", "movement", "navy", "network", "office", "parliament", "party", "patrol",
    "police", "senate", "service", "services", "society", "survey", "systems", "tour", "union",
    "university",
];

/// Heads that make an organisation an official body.
#[rustfmt::skip]
pub(super) const OFFICIAL_HEADS: [&str; 22] = [
    "administration", "agency", "army", "authority", "bureau", "commission", "congress", "court",
    "department", "departments", "force", "forces", "government", "guard", "ministry", "navy",
    "office", "parliament", "patrol", "police", "senate", "survey",
];

/// Titles that make a named person an official.
#[rustfmt::skip]
pub(super) const OFFICIAL_TITLES: [&str; 33] = [
    "attorney", "capt", "captain", "chief", "commissioner", "coroner", "corporal", "cpl",
    "deputy", "detective", "director", "governor", "inspector", "judge", "lieutenant", "lt",
    "mayor", "minister", "officer", "president", "prosecutor", "rep", "secretary", "sen",
    "senator", "sergeant", "sgt", "sheriff", "spokesman", "spokesperson", "spokeswoman",
    "superintendent", "trooper",
];

/// Words before a name that say it is the one who did it.
#[rustfmt::skip]
pub(super) const PERPETRATOR_CUES: [&str; 6] = [
    "suspect", "gunman", "shooter", "killer", "accused", "defendant",
];

/// Last words that make a run a place or a site, not a person ("Grant Park", "Mission
/// Falls", "Good Samaritan Hospital").
#[rustfmt::skip]
pub(super) const SITE_ENDINGS: [&str; 39] = [
    "airport", "apartments", "ave", "avenue", "beach", "boulevard", "center", "centre", "church",
    "city", "club", "college", "complex", "county", "drive", "garden", "gardens", "highway",
    "hospital", "hotel", "island", "lake", "lane", "mall", "mountain", "park", "parkway", "range",
    "rd", "reservoir", "restaurant", "river", "road", "school", "st", "stadium", "station",
    "street", "village",
];

/// Words that open a sentence in capitals without naming anyone ("It", "When", "In Doctor
/// Who"): function words, which no list of common content words holds.
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: [&str; 62] = [
    "a", "after", "although", "an", "and", "as", "at", "because", "before", "but", "by", "for",
    "from", "he", "her", "here", "him", "his", "how", "i", "i'm", "i've", "if", "in", "it", "its",
    "i’m", "i’ve", "my", "no", "of", "on", "once", "or", "our", "she", "since", "so", "that",
    "the", "their", "them", "there", "these", "they", "this", "those", "though", "to", "until",
    "we", "what", "when", "where", "which", "while", "who", "why", "with", "yet", "you", "your",
];

/// Words of a credit line, whose names are the report's staff, not actors ("Staff writer
/// Jesse Paul contributed to this report", "(Lauren Stephenson/Staff)", "Photo: Courtesy Of
/// Jennifer Hoppe").
#[rustfmt::skip]
pub(super) const CREDIT_WORDS: [&str; 7] = [
    "Contributed", "Contributing", "Photo", "Staff", "Courtesy", "Email", "Twitter",
];

/// Words that join the words of one organisation's name.
pub(super) const CONNECTORS: [&str; 5] = ["of", "and", "for", "&", "the"];

/// A word without a possessive ending.
pub fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

pub(super) fn is_title_abbreviation(word: &str) -> bool {
    word.len() == 1
        || (word.len() <= 14 && {
            let mut buf = [0u8; 14];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[..word.len()].make_ascii_lowercase();
            std::str::from_utf8(&buf[..word.len()]).is_ok_and(|w| {
                has(&OFFICIAL_TITLES, w) || ["mr", "mrs", "ms", "dr", "st", "jr", "sr"].contains(&w)
            })
        })
}

/// True when `word` is in `list`, a list kept in alphabetical order (a test checks).
pub(super) fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// The end of the run of capitalised words from `i`: words, initials and abbreviations with
/// their periods ("D.C.", "Cpl."), and connectors between capitals ("Society for Conservation
/// Biology", "Sheriff's Office").
pub(super) fn run_end(toks: &Tokens, i: usize, to: usize) -> usize {
    let mut j = i;
    while j < to {
        if toks.is_capitalized(j) && !toks.lower(j).is_some_and(is_calendar_word) {
            j += 1;
            if toks.is_punct(j, '.') && is_title_abbreviation(toks.text(j - 1)) {
                j += 1;
            }
        } else if j > i
            && (toks.is_any(j, &CONNECTORS) || toks.is_any(j, &["'s", "’s"]))
            && toks.is_capitalized(j + 1)
        {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// The words of tokens `a..b` that are words, lower case.
pub(super) fn words<'t>(toks: &Tokens<'t>, a: usize, b: usize) -> Vec<&'t str> {
    (a..b)
        .filter(|&k| toks.kind(k) == Some(Kind::Word))
        .filter_map(|k| toks.lower(k))
        .collect()
}

/// True when the run before "police" names an organisation itself ("Gary Police
/// Department" has its own head).
pub(super) fn org_words_before_police(toks: &Tokens, a: usize, b: usize) -> bool {
    words(toks, a, b).iter().any(|w| has(&ORG_HEADS, w))
}

/// True when token `k` is a first name followed by a capitalised word of the run.
pub(super) fn first_name_at(toks: &Tokens, k: usize, end: usize) -> bool {
    k + 1 < end
        && toks.lower(k).is_some_and(|w| first_names().contains(w))
        && toks.is_capitalized(k + 1)
}

/// The role the words before a person's name give: an official's title, a suspect's.
pub(super) fn role_before(toks: &Tokens, from: usize, start: usize) -> Option<ActorRole> {
    let before = (from.max(start.saturating_sub(4))..start)
        .filter_map(|k| toks.lower(k))
        .map(|w| w.trim_end_matches('.'));
    let mut role = None;
    for w in before {
        if PERPETRATOR_CUES.contains(&w) {
            role = Some(ActorRole::Perpetrator);
        } else if has(&OFFICIAL_TITLES, w) || w == "police" {
            role = Some(ActorRole::Official);
        }
    }
    role
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_in_order_for_binary_search() {
        for list in [
            &ORG_HEADS[..],
            &OFFICIAL_HEADS,
            &OFFICIAL_TITLES,
            &SITE_ENDINGS,
            &FUNCTION_WORDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(is_title_abbreviation("Sgt") && is_title_abbreviation("Dr"));
        assert!(!is_title_abbreviation("Gomez"));
    }
}
