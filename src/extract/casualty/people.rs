//! The people a casualty claim is about, as English names them: a group noun after a count
//! ("35 Egyptian policemen"), one person ("a 24-year-old Santa Ana man", "his wife"), someone
//! named ("Diana Gomez, 31,"), or someone mentioned before ("the victim", "he").

use super::super::lexicon::Lexicon;
use super::super::numbers::quantity_at;
use super::super::tokens::{Kind, Tokens};
pub use super::ages::{age_at, apposed_age};
use crate::model::{Outcome, Person, Sex};

/// Words that end the search for a group noun after a quantity or determiner.
const NOT_MODIFIERS: [&str; 40] = [
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "in", "on", "at", "by",
    "from", "with", "and", "or", "of", "to", "for", "who", "that", "while", "but", "as", "after",
    "before", "when", "if", "than", "said", "the", "a", "an", "believe", "say", "says", "left",
    "leaves", "leaving",
];
/// Words after an age that make the age the head of its phrase ("a 19-year-old was shot", "a
/// 16-year-old, who").
const HEAD_AGE_BEFORE: [&str; 10] = [
    "was", "is", "were", "died", "had", "has", ",", "who", "and", "with",
];
/// Modifiers saying the person is not one already counted ("a second victim").
const ANOTHER: [&str; 7] = [
    "another",
    "other",
    "second",
    "third",
    "fourth",
    "fifth",
    "additional",
];
/// Determiners before one person mentioned again.
pub const DEFINITE: [&str; 2] = ["the", "that"];
/// Possessives before a person related to someone mentioned ("his wife", "her son").
pub const POSSESSIVE: [&str; 3] = ["his", "her", "their"];
/// How many modifiers may stand before a group noun.
const MAX_MODIFIERS: usize = 4;

/// A noun phrase naming people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    /// Normalised group ("inherit" for "others": the group of the count before).
    pub group: String,
    /// First token of its words (after quotation marks).
    pub start: usize,
    /// Token after the noun.
    pub end: usize,
    /// An age among the modifiers ("24-year-old").
    pub age: Option<u32>,
    /// The sex the noun gives.
    pub sex: Option<Sex>,
    /// A modifier saying it is someone else ("another", "second").
    pub another: bool,
}

impl NounPhrase {
    /// True when the head noun names one person ("man", not "men" or "police").
    pub fn singular(&self, toks: &Tokens) -> bool {
        let Some(noun) = toks.lower(self.end - 1) else {
            return false;
        };
        !(noun.ends_with('s')
            || noun.ends_with("men")
            || matches!(
                noun,
                "police" | "people" | "personnel" | "children" | "staff" | "folk" | "youth"
            ))
    }

    /// The person this phrase singles out.
    pub fn person(&self, refers_back: bool) -> Person {
        Person {
            name: None,
            age: self.age,
            sex: self.sex,
            refers_back,
            another: self.another,
        }
    }
}

/// The sex a person noun gives.
fn sex_of(toks: &Tokens, noun: usize, lex: &Lexicon) -> Option<Sex> {
    toks.lower(noun).and_then(|w| lex.sexes.get(w)).copied()
}

/// A group noun phrase from token `i`: skips up to four modifiers (adjectives, ages, names
/// of places, "another"). Returns `None` when no group noun comes first.
pub fn group_at(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<NounPhrase> {
    // Most words have no group noun in reach: rule them out by the lexicon's masks first.
    let reach = (i + MAX_MODIFIERS + 3).min(to);
    if !(i..reach).any(|k| {
        lex.groups.may_start_at(toks, k)
            || demonym_plural(toks, k)
            || (toks.kind(k) == Some(Kind::Number) && age_at(toks, k).is_some())
            || lex.may_be_person_by_ending(toks, k)
    }) {
        return None;
    }
    let mut j = i;
    let mut modifiers = 0;
    let mut age = None;
    let mut another = false;
    while j < to {
        if let Some((group, end)) = lex.groups.at(toks, j) {
            // "another man", "other victims": a modifier when a noun follows.
            if group == "inherit"
                && toks.is_any(j, &ANOTHER)
                && group_at(toks, end, to, lex).is_some()
            {
                another = true;
                modifiers += 1;
                j = end;
                continue;
            }
            return Some(NounPhrase {
                group,
                start: first_word(toks, i, j),
                end,
                age,
                sex: sex_of(toks, end - 1, lex),
                another: another || toks.is_any(j, &ANOTHER),
            });
        }
        // A nationality plural heads the phrase unless a group noun follows ("Egyptian
        // soldiers" are soldiers; "27 Palestinians" are people).
        if demonym_plural(toks, j) && !lex.groups.contains_at(toks, j + 1) {
            return Some(NounPhrase {
                group: "people".to_string(),
                start: first_word(toks, i, j),
                end: j + 1,
                age,
                sex: None,
                another,
            });
        }
        if toks.is_quote(j) {
            j += 1;
            continue;
        }
        if modifiers == MAX_MODIFIERS {
            return None;
        }
        if let Some((a, end)) = age_at(toks, j) {
            age = Some(a);
            // "a 19-year-old was shot": the age heads the phrase.
            if toks.is_any(end, &HEAD_AGE_BEFORE) || lex.outcome_after(toks, end).is_some() {
                return Some(NounPhrase {
                    group: "people".to_string(),
                    start: first_word(toks, i, j),
                    end,
                    age,
                    sex: None,
                    another,
                });
            }
            modifiers += 1;
            j = end;
            continue;
        }
        // A person noun the lexicon does not list, by its ending ("four skiers").
        if lex.may_be_person_by_ending(toks, j)
            && toks
                .lower(j)
                .is_some_and(|w| lex.person_by_ending(w) && !toks.is_capitalized(j))
            && !lex.groups.contains_at(toks, j + 1)
        {
            return Some(NounPhrase {
                group: "people".to_string(),
                start: first_word(toks, i, j),
                end: j + 1,
                age,
                sex: sex_of(toks, j, lex),
                another: another || toks.is_any(j, &ANOTHER),
            });
        }
        let is_modifier = toks.kind(j) == Some(Kind::Word)
            && !toks.is_any(j, &NOT_MODIFIERS)
            // "Three witnesses told investigators": a speaking verb ends the phrase.
            && !lex.attribution_verbs.contains_at(toks, j)
            // "a missing hiker": a state before the noun describes the person; a casualty
            // outcome ("two wounded") stays an outcome.
            && lex.outcome_after(toks, j).is_none_or(|(o, end)| {
                !matches!(o, Outcome::Killed | Outcome::Injured | Outcome::Shot)
                    && lex.groups.contains_at(toks, end)
            })
            && quantity_at(toks, j, lex).is_none();
        if !is_modifier {
            return None;
        }
        another |= toks.is_any(j, &ANOTHER);
        modifiers += 1;
        j += 1;
    }
    None
}

/// A capitalised plural naming people by nationality or community ("Palestinians").
fn demonym_plural(toks: &Tokens, j: usize) -> bool {
    toks.is_capitalized(j)
        && toks.lower(j).is_some_and(|w| {
            w.len() > 4
                && (w.ends_with("ans")
                    || w.ends_with("is")
                    || w.ends_with("ese")
                    || w.ends_with("ites"))
        })
}

/// The first token of `from..to` that is not a quotation mark.
pub fn first_word(toks: &Tokens, from: usize, to: usize) -> usize {
    (from..to).find(|&k| !toks.is_quote(k)).unwrap_or(to)
}

/// "he" / "she" (subject) or "him" (object) at token `i`: one person mentioned before.
pub fn pronoun_at(toks: &Tokens, i: usize, subject: bool) -> Option<Sex> {
    let w = toks.lower(i)?;
    match (w, subject) {
        ("he", true) | ("him", false) => Some(Sex::Male),
        ("she", true) | ("her", false) => Some(Sex::Female),
        _ => None,
    }
}

/// Last words of a run of capitals that make it a place or an institution, not a person.
const PLACE_ENDINGS: [&str; 24] = [
    "high",
    "school",
    "academy",
    "college",
    "university",
    "county",
    "city",
    "township",
    "street",
    "avenue",
    "road",
    "boulevard",
    "drive",
    "park",
    "rapids",
    "falls",
    "springs",
    "heights",
    "hospital",
    "center",
    "centre",
    "church",
    "department",
    "office",
];

/// Capitalised words that start sentences or name things other than people.
fn not_name(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "police"
            | "officers"
            | "authorities"
            | "investigators"
            | "he"
            | "she"
            | "it"
            | "they"
            | "his"
            | "her"
            | "their"
            | "this"
            | "that"
            | "one"
            | "no"
            | "but"
            | "and"
            | "when"
            | "after"
            // A sentence opening with a preposition ("In May, her son …").
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "before"
            | "during"
            | "since"
            | "as"
            | "while"
            | "if"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "county"
            | "city"
            | "street"
            | "avenue"
            | "hospital"
            | "center"
            | "department"
            | "office"
            | "news"
            | "according"
            | "both"
            | "road"
            | "drive"
            | "boulevard"
            | "lane"
            | "parkway"
            | "highway"
            | "court"
            | "place"
            | "way"
            | "university"
            | "college"
            | "school"
            | "church"
            | "park"
            | "mall"
            | "apartments"
            | "hotel"
            | "club"
            | "restaurant"
            | "bar"
            | "sheriff"
            | "station"
            | "medical"
            | "memorial"
            | "related"
            | "coverage"
            // "K-9 Aren" is a police dog.
            | "k-9"
            | "k9"
    )
}

/// A person's name at token `i`: two to four capitalised words ("Diana Gomez", "Caitlin L.
/// Caskey"), or one capitalised word already known as a surname. Returns the name's tokens.
/// A role before it ("Officer Douglas Barney") is left to the caller.
pub fn name_at(toks: &Tokens, i: usize, to: usize, known: &[&str]) -> Option<(usize, usize)> {
    let not_name = |k: usize| toks.lower(k).is_none_or(not_name);
    if !toks.is_capitalized(i) || not_name(i) {
        return None;
    }
    // The start of a run of capitals only, and not one after an article ("the Army
    // Reserve", "a Yates High School star" name no person).
    if i > 0 && (toks.is_capitalized(i - 1) || toks.is_any(i - 1, &["the", "a", "an"])) {
        return None;
    }
    let mut j = i;
    let mut words = 0;
    while j < to && words < 4 {
        if toks.is_capitalized(j) && !not_name(j) {
            let initial = toks.text(j).len() == 1;
            j += 1;
            if initial && toks.is_punct(j, '.') {
                j += 1;
            }
            words += 1;
        } else if toks.is_quote(j) && words > 0 {
            // A nickname in quotes: Larry "Boxx" Henderson.
            let close = (j + 1..(j + 4).min(to)).find(|&k| toks.is_quote(k))?;
            j = close + 1;
        } else {
            break;
        }
    }
    // "Three Palestinians" is a count.
    if words >= 1 && super::super::numbers::number_at(toks, i).is_some() {
        return None;
    }
    if words >= 2 {
        // "SALT LAKE CITY", "NEW INFORMATION": datelines and labels, not people; "Uniondale
        // High", "Wisconsin Rapids": places and institutions.
        let shouted = (i..j).all(|k| {
            let w = toks.text(k);
            w.len() < 2 || !w.chars().any(char::is_lowercase)
        });
        let place = toks
            .lower(j - 1)
            .is_some_and(|w| PLACE_ENDINGS.contains(&w));
        return (!shouted && !place).then_some((i, j));
    }
    let surname = surname_token(toks, i)?;
    (words == 1 && known.contains(&surname)).then_some((i, i + 1))
}

/// The lowercase surname a name's last word gives ("Cantu's" → "cantu").
pub fn surname_token<'t>(toks: &Tokens<'t>, k: usize) -> Option<&'t str> {
    let w = toks.lower(k)?;
    Some(
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w),
    )
}

/// The people a text names with their age ("Christopher Roupe, 17,", "25-year-old Courtney
/// Taylor"): names that are surely people's, as the lowercase name. The age makes them
/// people, not places or institutions.
pub fn aged_names(toks: &Tokens) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((start, end)) = name_at(toks, i, toks.len(), &[]) else {
            i += 1;
            continue;
        };
        let aged_after = toks.is_punct(end, ',') && apposed_age(toks, end + 1).is_some();
        let aged_before = (start.saturating_sub(4)..start)
            .any(|a| age_at(toks, a).is_some_and(|(_, e)| e == start));
        if aged_after || aged_before {
            let name = toks.slice(start, end).to_lowercase();
            if !out.contains(&name) {
                out.push(name);
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// True when a word of a name can be its surname: not an initial, not "Jr." or "III".
pub fn may_be_surname(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    word.len() > 2
        && !["jr", "sr", "ii", "iii"]
            .iter()
            .any(|g| bare.eq_ignore_ascii_case(g))
}

/// One word of a name as names are compared: lowercase, without a possessive or a final
/// period or comma ("Cantu's" → "cantu").
pub fn name_word(word: &str) -> String {
    word.trim_end_matches(['.', ','])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_ascii_lowercase()
}

/// The surname of a name ("Caskey" of "Caitlin L. Caskey"), lowercased.
pub fn surname(name: &str) -> String {
    let last = name
        .split(|c: char| c.is_whitespace() || c == '"' || c == '“' || c == '”')
        .rev()
        .find(|w| may_be_surname(w))
        .unwrap_or(name);
    name_word(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::super::tokens::leaked as toks;

    #[test]
    fn noun_phrases_carry_age_sex_and_another() {
        let lex = Lexicon::defaults();
        let t = toks("24-year-old Santa Ana man was shot");
        let np = group_at(&t, 0, t.len(), &lex).unwrap();
        assert_eq!(
            (np.age, np.sex, np.another),
            (Some(24), Some(Sex::Male), false)
        );
        assert!(np.singular(&t));
        let t = toks("second victim");
        assert!(group_at(&t, 0, t.len(), &lex).unwrap().another);
        let t = toks("another woman");
        let np = group_at(&t, 0, t.len(), &lex).unwrap();
        assert_eq!((np.group.as_str(), np.another), ("people", true));
        let t = toks("others were hurt");
        assert_eq!(group_at(&t, 0, t.len(), &lex).unwrap().group, "inherit");
    }

    #[test]
    fn names_are_runs_of_capitals() {
        let t = toks("Police said Caitlin L. Caskey of Ashdown was shot");
        assert_eq!(name_at(&t, 2, t.len(), &[]), Some((2, 6)));
        assert_eq!(name_at(&t, 0, t.len(), &[]), None);
        let t = toks("Caskey died");
        assert_eq!(name_at(&t, 0, t.len(), &[]), None);
        assert_eq!(name_at(&t, 0, t.len(), &["caskey"]), Some((0, 1)));
        assert_eq!(surname("Caitlin L. Caskey"), "caskey");
        assert_eq!(surname("Larry \"Boxx\" Henderson Jr."), "henderson");
        // Counts, datelines and places are no names.
        for text in [
            "Three Palestinians were killed",
            "SALT LAKE CITY police said",
            "at Uniondale High on Monday",
        ] {
            let t = toks(text);
            let found = (0..t.len()).find_map(|i| name_at(&t, i, t.len(), &[]));
            assert_eq!(found, None, "{text}");
        }
    }
}
