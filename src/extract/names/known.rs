//! What a report has named so far: the people and organisations, and how often it uses each
//! capitalised word.

use rustc_hash::FxHashMap;

use super::super::tokens::Tokens;
use super::words::bare;
use crate::model::ActorRole;

#[derive(Debug, Clone)]
pub(super) struct Person {
    pub(super) name: String,
    pub(super) first: String,
    pub(super) last: String,
    pub(super) role: Option<ActorRole>,
}

#[derive(Debug, Clone)]
pub(super) struct Org {
    pub(super) name: String,
    pub(super) initials: String,
    pub(super) head: String,
    pub(super) official: bool,
}

/// A word's key for counting without a string of its own.
fn word_key(word: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(word)
}

/// What a report has named so far, for later mentions, and how often it uses each
/// capitalised word.
#[derive(Debug, Default)]
pub struct Known {
    pub(super) persons: Vec<Person>,
    pub(super) orgs: Vec<Org>,
    uses: Option<FxHashMap<u64, u32>>,
}

impl Known {
    /// How often the report of `toks` writes `word` (any case) with a capital: counted once,
    /// when first asked, since most reports never ask.
    pub(super) fn uses_of(&mut self, toks: &Tokens, word: &str) -> u32 {
        let uses = self.uses.get_or_insert_with(|| {
            let mut uses: FxHashMap<u64, u32> = FxHashMap::default();
            for i in 0..toks.len() {
                if toks.is_capitalized(i)
                    && let Some(lower) = toks.lower(i)
                {
                    *uses.entry(word_key(bare(lower))).or_default() += 1;
                }
            }
            uses
        });
        uses.get(&word_key(&word.to_ascii_lowercase()))
            .copied()
            .unwrap_or(0)
    }

    /// True when `name` is a person named with an official's title.
    pub fn is_official(&self, name: &str) -> bool {
        self.persons
            .iter()
            .any(|p| p.name == name && p.role == Some(ActorRole::Official))
    }

    /// True when `word` is a person's name the report has given, or its surname.
    pub fn is_person_word(&self, word: &str) -> bool {
        self.persons
            .iter()
            .any(|p| same_lowercase(word, &p.last) || same_lowercase(word, &p.name))
    }

    /// The person a single word names: a known surname first, then a known first name.
    pub(super) fn person(&self, word: &str) -> Option<&Person> {
        self.persons
            .iter()
            .find(|p| same_lowercase(word, &p.last))
            .or_else(|| self.persons.iter().find(|p| same_lowercase(word, &p.first)))
    }

    pub(super) fn org(&self, word: &str) -> Option<&Org> {
        self.orgs
            .iter()
            .find(|o| o.initials.len() >= 2 && o.initials == word)
            .or_else(|| self.orgs.iter().find(|o| o.name.eq_ignore_ascii_case(word)))
    }

    pub(super) fn add_person(&mut self, name: &str, role: Option<ActorRole>) {
        let words: Vec<&str> = name.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        if !self.persons.iter().any(|p| p.name == name) {
            self.persons.push(Person {
                name: name.to_string(),
                first: first.to_lowercase(),
                last: last.to_lowercase(),
                role,
            });
        }
    }

    pub(super) fn add_org(&mut self, name: &str, official: bool) {
        if self.orgs.iter().any(|o| o.name == name) {
            return;
        }
        let initials: String = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect();
        let head = name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        self.orgs.push(Org {
            name: name.to_string(),
            initials,
            head,
            official,
        });
    }
}

/// True when `a` and `b` are the same in lower case: asked of every capitalised word against
/// every person the report names, so compared a character at a time, without a copy.
fn same_lowercase(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}
