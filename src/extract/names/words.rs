//! The words names are read by: first names, the heads of organisations' names, titles,
//! and the small tests on words the reading needs.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::super::gazetteer::{Reading, gazetteer};
use super::super::timex::is_calendar_word;
use super::super::tokens::{Kind, Tokens};
use crate::model::ActorRole;

/// The shipped first names: one a line, lower case; `#` starts a comment line.
pub(super) const FIRST_NAMES: &str = include_str!("../../../assets/first-names.txt");

pub(super) fn first_names() -> &'static FxHashSet<&'static str> {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Words that make a run of capitals an organisation's name.
#[rustfmt::skip]
pub(super) const ORG_HEADS: [&str; 48] = [
    "police", "department", "departments", "office", "service", "services", "society", "council",
    "navy", "army", "bureau", "corp", "corporation", "inc", "university", "committee",
    "administration", "congress", "ministry", "agency", "survey", "patrol", "commission", "court",
    "company", "association", "foundation", "institute", "party", "force", "forces", "guard",
    "entertainment", "systems", "group", "tour", "union", "network", "coalition", "brigade",
    "militia", "movement", "authority", "government", "parliament", "senate", "board", "fund",
];

/// Heads that make an organisation an official body.
#[rustfmt::skip]
pub(super) const OFFICIAL_HEADS: [&str; 22] = [
    "police", "department", "departments", "office", "navy", "army", "bureau", "administration",
    "congress", "ministry", "agency", "survey", "patrol", "commission", "court", "force",
    "forces", "guard", "government", "parliament", "senate", "authority",
];

/// Titles that make a named person an official.
#[rustfmt::skip]
pub(super) const OFFICIAL_TITLES: [&str; 33] = [
    "sheriff", "chief", "detective", "sgt", "sergeant", "cpl", "corporal", "officer", "deputy",
    "mayor", "director", "superintendent", "secretary", "president", "judge", "governor",
    "senator", "sen", "rep", "attorney", "prosecutor", "commissioner", "spokesman", "spokeswoman",
    "spokesperson", "lieutenant", "lt", "captain", "capt", "trooper", "minister", "coroner",
    "inspector",
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
    "range", "garden", "gardens", "street", "st", "avenue", "ave", "road", "rd", "drive",
    "boulevard", "lane", "parkway", "highway", "park", "mall", "center", "centre", "hospital",
    "school", "college", "church", "hotel", "club", "restaurant", "station", "apartments",
    "complex", "reservoir", "river", "lake", "mountain", "island", "beach", "county", "city",
    "village", "airport", "stadium",
];

/// Words that open a sentence in capitals without naming anyone ("It", "When", "In Doctor
/// Who"): function words, which no list of common content words holds.
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: [&str; 62] = [
    "i'm", "i’m", "i've", "i’ve", "a", "an", "the", "it", "its", "he", "she", "his", "her", "him",
    "i", "we", "you", "they", "them", "their", "our", "my", "your", "this", "that", "these",
    "those", "there", "here", "when", "where", "what", "who", "which", "why", "how", "if", "in",
    "on", "at", "for", "from", "with", "by", "to", "of", "as", "and", "but", "or", "so", "yet",
    "after", "before", "while", "since", "although", "though", "because", "once", "until", "no",
];

/// Words of a credit line, whose names are the report's staff, not actors ("Staff writer
/// Jesse Paul contributed to this report", "(Lauren Stephenson/Staff)", "Photo: Courtesy Of
/// Jennifer Hoppe").
#[rustfmt::skip]
pub(super) const CREDIT_WORDS: [&str; 7] = [
    "contributed", "Contributing", "Photo", "Staff", "Courtesy", "Email", "Twitter",
];

/// Words that join the words of one organisation's name.
pub(super) const CONNECTORS: [&str; 5] = ["of", "and", "for", "&", "the"];

/// A word without a possessive ending.
pub(super) fn bare(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

pub(super) fn is_title_abbreviation(word: &str) -> bool {
    word.len() == 1
        || OFFICIAL_TITLES.contains(&word.to_lowercase().as_str())
        || ["mr", "mrs", "ms", "dr", "st", "jr", "sr"].contains(&word.to_lowercase().as_str())
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

pub(super) fn is_place(name: &str) -> bool {
    gazetteer()
        .lookup(name)
        .iter()
        .any(|r| !matches!(r, Reading::Nationality(_)))
}

pub(super) fn is_nationality(name: &str) -> bool {
    gazetteer()
        .lookup(name)
        .iter()
        .any(|r| matches!(r, Reading::Nationality(_)))
}

/// True when the run before "police" names an organisation itself ("Gary Police
/// Department" has its own head).
pub(super) fn org_words_before_police(toks: &Tokens, a: usize, b: usize) -> bool {
    words(toks, a, b).iter().any(|w| ORG_HEADS.contains(w))
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
        } else if OFFICIAL_TITLES.contains(&w) || w == "police" {
            role = Some(ActorRole::Official);
        }
    }
    role
}
