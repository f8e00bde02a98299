//! Who a source's words stand for. "he said" is the person quoted last ("Stan Perlo said …
//! he said"), "it said" and "they said" the body or group quoted last ("the navy said … it
//! said", "three jurors … they said"), "the sheriff said" the one titled so before ("Sheriff
//! Chris Nocco"); a titled or apposed name is its person ("Red Sox owner John Henry" is John
//! Henry). What the words do not tell is left as written.

use rustc_hash::FxHashMap;

use super::attribution::{Frame, PRONOUNS};
use super::names::{self, Known};
use super::tokens::Tokens;
use crate::model::{Attribution, SourceKind};

/// Titles by which a source is referred back to ("the sheriff said").
const TITLES: [&str; 10] = [
    "sheriff",
    "chief",
    "detective",
    "sergeant",
    "mayor",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
];

/// The sources quoted so far in a report.
#[derive(Debug, Default)]
pub struct Speakers {
    person: Option<Attribution>,
    body: Option<Attribution>,
    titled: Vec<(String, Attribution)>,
    /// The people quoted so far, for a surname two of them share ("Caron said" after "said
    /// his daughter Nicole Caron" is the daughter, not the father the report is about).
    quoted: Vec<String>,
    /// The sort of source each named one was when introduced ("Sheriff Chris Nocco" is an
    /// official; "Nocco said" too).
    kinds: FxHashMap<String, SourceKind>,
}

impl Speakers {
    /// Puts in who each of a sentence's `frames` stands for, learning from those that name
    /// their source.
    pub fn resolve(&mut self, toks: &Tokens, frames: &mut [Frame], known: &mut Known) {
        for frame in frames.iter_mut() {
            let a = &mut frame.attribution;
            let lower = a.text.to_lowercase();
            if PRONOUNS.contains(&lower.as_str()) {
                let earlier = if matches!(lower.as_str(), "he" | "she") {
                    &self.person
                } else {
                    &self.body
                };
                if let Some(e) = earlier {
                    a.name = Some(e.who().to_string());
                    a.kind = e.kind;
                    a.role = e.role.clone();
                }
                continue;
            }
            let Some([s, e]) = a.span else { continue };
            let (from, to) = (toks.index_at(s), toks.index_at(e));
            // "the army", "security sources": no capital, no name to look for.
            let named = if (from..to).any(|k| toks.is_capitalized(k)) {
                names::find(toks, from, to, known)
            } else {
                Vec::new()
            };
            let person = named.iter().find(|n| n.person);
            if let Some(p) = person {
                let single = !a.text.trim().contains(' ');
                let name = self
                    .quoted
                    .iter()
                    .rev()
                    .find(|q| single && q.to_lowercase().ends_with(&lower))
                    .cloned()
                    .unwrap_or_else(|| p.name.clone());
                if !name.eq_ignore_ascii_case(&a.text) {
                    a.name = Some(name.clone());
                }
                if known.is_official(&p.name) && a.kind == SourceKind::Other {
                    a.kind = SourceKind::Official;
                }
                self.learn(a);
                if !self.quoted.contains(&name) {
                    self.quoted.push(name);
                }
                for title in TITLES.iter().filter(|t| lower.contains(*t)) {
                    self.titled.retain(|(t, _)| t != title);
                    self.titled.push((title.to_string(), a.clone()));
                }
                self.person = Some(a.clone());
            } else if let Some((_, earlier)) = self
                .titled
                .iter()
                .rev()
                .find(|(t, _)| lower.split_whitespace().any(|w| w == t))
                .filter(|_| lower.starts_with("the "))
            {
                a.name = Some(earlier.who().to_string());
                a.kind = earlier.kind;
                self.person = Some(a.clone());
            } else {
                // "HP estimates": the organisation an acronym stands for.
                if let Some(org) = named
                    .first()
                    .filter(|n| !n.name.eq_ignore_ascii_case(&a.text))
                {
                    a.name = Some(org.name.clone());
                }
                self.learn(a);
                self.body = Some(a.clone());
            }
        }
    }

    /// Remembers the sort of a source named with it, or gives a known one's sort to a
    /// source named without it.
    fn learn(&mut self, a: &mut Attribution) {
        let who = a.who().to_lowercase();
        if a.kind == SourceKind::Other {
            if let Some(kind) = self.kinds.get(&who) {
                a.kind = *kind;
            }
        } else {
            self.kinds.entry(who).or_insert(a.kind);
        }
    }
}
