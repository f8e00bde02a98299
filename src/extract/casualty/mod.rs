//! Casualty claims: a count or a person, who they were, and what happened to them.
//!
//! Two readings share one pass over a sentence. A count ("at least 35", "several", "two
//! dozen") with a group noun after it and an outcome before ("killed 12 terrorists") or after
//! it ("were killed", "being killed and 13 injured"): breakdowns ("55, including 20 officers
//! and 34 conscripts") become parts of the claim; "few, if any" lowers the bound to zero; a
//! toll without a group takes the group of the report's earlier counts of the dead. And one
//! person ("a 24-year-old man", "his wife", "Diana Gomez, 31,", "the victim", "he") with
//! a predicate ("was shot to death", "died at the hospital"): the claim records who the
//! person is, so the report's tally (see [`super::tally`]) counts each victim once.

mod ages;
mod beside;
mod counts;
mod outcome;
mod people;
mod persons;
mod roles;

use super::lexicon::Lexicon;
use super::numbers::{Quantity, quantity_at};
use super::tokens::Tokens;
use crate::model::{Count, Hedge, Outcome, Part, Person, Who};
use people::{NounPhrase, group_at};

pub use people::{aged_names, name_word, surname};

/// A casualty claim found in a sentence, before attribution and incident are settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Casualty {
    /// First token of the claim's words.
    pub start: usize,
    /// Token after them.
    pub end: usize,
    /// Who.
    pub who: Who,
    /// What happened.
    pub outcome: Outcome,
    /// How many.
    pub count: Count,
    /// The hedge.
    pub hedge: Hedge,
    /// A breakdown.
    pub parts: Vec<Part>,
    /// The one person singled out, if any.
    pub person: Option<Person>,
}

impl Casualty {
    fn counted(start: usize, end: usize, who: Who, outcome: Outcome, q: &Quantity) -> Self {
        Casualty {
            start,
            end,
            who,
            outcome,
            count: Count {
                low: q.low,
                high: q.high,
                reversed: q.reversed,
            },
            hedge: q.hedge,
            parts: Vec::new(),
            person: None,
        }
    }
}

/// Words that open an apposition describing the people counted ("most of them women").
const APPOSITION_STARTS: [&str; 8] = [
    "most", "many", "all", "mostly", "among", "both", "mainly", "several",
];

/// How far after a subject's first word its outcome may be (an apposition and a predicate).
const NEAR: usize = 32;

/// Who an unqualified death toll counts in this report (the group of its earlier counts of
/// the dead), if known; and whether a count of the sentence asked, which tells whether the
/// sentence would read otherwise with another toll.
#[derive(Debug, Default)]
pub struct Toll<'a> {
    who: Option<&'a Who>,
    asked: std::cell::Cell<bool>,
}

impl<'a> Toll<'a> {
    /// A toll of `who`, not yet asked.
    pub fn new(who: Option<&'a Who>) -> Self {
        Toll {
            who,
            asked: std::cell::Cell::new(false),
        }
    }

    /// Whom an unqualified toll counts: the group known, else people.
    fn who(&self, lex: &Lexicon) -> Who {
        self.asked.set(true);
        self.who
            .cloned()
            .unwrap_or_else(|| who(lex, "people".into(), String::new()))
    }

    /// True when a count took its group from the toll.
    pub fn asked(&self) -> bool {
        self.asked.get()
    }
}

/// What the rest of the report knows while one sentence is read.
pub struct Context<'a, 't> {
    /// Who an unqualified death toll counts.
    pub toll: Toll<'a>,
    /// Surnames of the people named so far (lowercase): "Caskey died" is someone named.
    pub surnames: &'a mut Vec<&'t str>,
    /// A buffer for per-sentence counts, kept between sentences to spare allocations.
    pub prefix: &'a mut Vec<u32>,
}

/// Every casualty claim in tokens `from..to`.
pub fn find<'t>(
    toks: &Tokens<'t>,
    from: usize,
    to: usize,
    lex: &Lexicon,
    ctx: &mut Context<'_, 't>,
) -> Vec<Casualty> {
    let mut found: Vec<Casualty> = Vec::new();
    // Claims are made only near an outcome or toll word: a subject at most an apposition and
    // a predicate before one, an object or count just after one.
    let prefix = &mut *ctx.prefix;
    prefix.clear();
    prefix.push(0u32);
    for k in from..to {
        prefix.push(prefix[k - from] + u32::from(lex.may_make_casualty(toks, k)));
    }
    // No outcome or toll word in the sentence: no casualty in it.
    if prefix.last() == Some(&0) {
        return found;
    }
    let prefix = std::mem::take(ctx.prefix);
    let near = |k: usize| {
        let (a, b) = (k.saturating_sub(6).max(from), (k + NEAR).min(to));
        prefix[b - from] > prefix[a - from]
    };
    let mut i = from;
    while i < to {
        if !near(i) {
            if toks.is_capitalized(i) {
                i = persons::remember_name(toks, i, to, ctx).map_or(i + 1, |(_, end)| end);
            } else {
                i += 1;
            }
            continue;
        }
        if let Some((toll, end)) = lex.event_tolls.at(toks, i).filter(|(_, e)| *e <= to)
            && !toks.is_any(i.wrapping_sub(1), &["attempted", "no", "not"])
            && !toks.is_any(end, &UNIT_NOUNS)
        {
            let q = Quantity {
                start: i,
                end,
                low: toll.count,
                high: (!toll.open).then_some(toll.count),
                hedge: if toll.open {
                    Hedge::AtLeast
                } else {
                    Hedge::Exact
                },
                reversed: false,
            };
            let mut claim = Casualty::counted(i, end, people(lex, ""), toll.outcome, &q);
            if toll.perpetrators > 0 {
                let part = |who: Who, n: u64| Part {
                    who,
                    count: Count {
                        low: n,
                        high: Some(n),
                        reversed: false,
                    },
                };
                claim.parts = vec![
                    part(people(lex, "victims"), toll.count - toll.perpetrators),
                    part(
                        who(lex, "suspects".into(), "the killer".into()),
                        toll.perpetrators,
                    ),
                ];
            }
            found.push(claim);
            i = end;
            continue;
        }
        // A person first: an age may head one ("3-year-old kills herself"); else an age
        // is never a count.
        if persons::may_start(toks, i, from, lex)
            && let Some((claims, next)) = persons::claims_at(toks, i, from, to, lex, ctx)
        {
            found.extend(claims);
            i = next.max(i + 1);
            continue;
        }
        if let Some((_, end)) = people::age_at(toks, i) {
            i = end;
            continue;
        }
        if people::apposed_age(toks, i).is_some() {
            i += 1;
            continue;
        }
        let Some(q) = counted_quantity(toks, i, to, lex) else {
            i += 1;
            continue;
        };
        match counts::claim_at(toks, &q, from, to, lex, found.last(), &ctx.toll) {
            Some((claim, next)) => {
                found.push(claim);
                i = next.max(q.end);
            }
            None => i = q.end.max(i + 1),
        }
    }
    *ctx.prefix = prefix;
    found
}

/// A quantity that may count people: not a year ("in 2015"), not a clock time.
fn counted_quantity(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<Quantity> {
    let q = quantity_at(toks, i, lex).filter(|q| q.end <= to)?;
    let year = q.hedge == Hedge::Exact && (1800..=2100).contains(&q.low);
    let clock = toks.is_punct(q.end, ':') || toks.is_any(q.end, &["a.m", "p.m", "am", "pm"]);
    (!year && !clock).then_some(q)
}

/// The group `people` (or another) as a `Who`, with its perpetrator flag from the lexicon.
fn people(lex: &Lexicon, text: &str) -> Who {
    who(lex, "people".to_string(), text.to_string())
}

/// A `Who` of `group`, flagged when the lexicon lists the group among perpetrators.
pub fn who(lex: &Lexicon, group: String, text: String) -> Who {
    let perpetrator = lex.perpetrator_groups.contains(&group);
    Who {
        group,
        text,
        perpetrator,
    }
}

/// "X and Y": the noun phrase continues past "and" when another group follows.
fn coordinated(toks: &Tokens, np: NounPhrase, to: usize, lex: &Lexicon) -> NounPhrase {
    // "two policemen and a civilian": a second noun phrase with its own article or number is
    // not part of the count.
    if toks.is(np.end, "and")
        && quantity_at(toks, np.end + 1, lex).is_none()
        && !toks.is_any(
            np.end + 1,
            &["a", "an", "the", "one", "his", "her", "their"],
        )
        && let Some(other) = group_at(toks, np.end + 1, to, lex)
    {
        let group = if other.group == np.group {
            np.group
        } else if [&np.group, &other.group].contains(&&lex.mixed_group) {
            lex.mixed_group.clone()
        } else {
            "people".to_string()
        };
        return NounPhrase {
            group,
            end: other.end,
            ..np
        };
    }
    np
}

fn words(toks: &Tokens, a: usize, b: usize) -> String {
    toks.slice(a, b)
        .trim_matches(|c: char| c == '"' || c == '“' || c == '”')
        .to_string()
}

/// "the death toll as in the dozens", "put the number of killed at 16": a toll noun shortly
/// before the quantity, joined by at / as / to.
fn toll_before(
    toks: &Tokens,
    q: &Quantity,
    from: usize,
    lex: &Lexicon,
) -> Option<(usize, Outcome)> {
    let mut k = q.start.checked_sub(1)?;
    while k > from && toks.is_any(k, &["the", "in", "a"]) {
        k -= 1;
    }
    if !toks.is_any(k, &["at", "as", "to"]) {
        return None;
    }
    let window_start = k.saturating_sub(6).max(from);
    (window_start..k).find_map(|t| {
        let ((), end) = lex.toll_nouns.at(toks, t)?;
        // "number of injured" counts the injured; a plain toll counts the dead.
        let outcome = (t..k)
            .find_map(|o| lex.outcomes.at(toks, o).map(|(x, _)| x))
            .unwrap_or(Outcome::Killed);
        (end <= k).then_some((t, outcome))
    })
}

/// Nouns an event's name may modify without saying the event happened ("homicide
/// detectives were called", "a homicide scene or a shooting scene").
const UNIT_NOUNS: [&str; 14] = [
    "detective",
    "detectives",
    "investigator",
    "investigators",
    "unit",
    "units",
    "division",
    "squad",
    "bureau",
    "section",
    "team",
    "scene",
    "scenes",
    "sergeant",
];

#[cfg(test)]
mod tests {
    use super::*;

    type Summary = (String, Outcome, u64, Option<u64>, Hedge, String, usize);

    fn casualties(text: &str) -> Vec<Summary> {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        let lex = Lexicon::defaults();
        let police = who(&lex, "security_forces".into(), "policemen".into());
        let mut surnames = Vec::new();
        let mut prefix = Vec::new();
        let mut ctx = Context {
            toll: Toll::new(Some(&police)),
            surnames: &mut surnames,
            prefix: &mut prefix,
        };
        find(&toks, 0, toks.len(), &lex, &mut ctx)
            .into_iter()
            .map(|c| {
                (
                    c.who.group,
                    c.outcome,
                    c.count.low,
                    c.count.high,
                    c.hedge,
                    toks.slice(c.start, c.end).to_string(),
                    c.parts.len(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Summary {
        let found = casualties(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn counts_groups_and_outcomes() {
        use Outcome::*;
        let c = one("At least 35 Egyptian policemen perished Friday in an Islamist ambush.");
        assert_eq!(
            (c.0.as_str(), c.1, c.2, c.3, c.4),
            ("security_forces", Killed, 35, None, Hedge::AtLeast)
        );
        assert_eq!(c.5, "At least 35 Egyptian policemen perished");
        let c = one("At least 52 Egyptian troops and police officers were killed in clashes.");
        assert_eq!((c.0.as_str(), c.2), ("security_forces", 52));
        let c =
            one("Egyptian security forces on Friday killed 12 “dangerous terrorists” in clashes.");
        assert_eq!(
            (c.0.as_str(), c.1, c.2, c.5.as_str()),
            ("militants", Killed, 12, "killed 12 “dangerous terrorists”")
        );
        let c = one("Earlier this week, police arrested 12 suspected militants in the province.");
        assert_eq!((c.0.as_str(), c.1), ("militants", Arrested));
        let c = one("A statement said that some of the attackers had died.");
        assert_eq!((c.0.as_str(), c.4), ("militants", Hedge::Vague));
        let c = one("Several “terrorists” were also killed in the clashes, said the ministry.");
        assert_eq!((c.2, c.3, c.4), (3, Some(9), Hedge::Vague));
        let c = one("the group claimed the bombing, killing all 224 people on board.");
        assert_eq!((c.0.as_str(), c.2), ("people", 224));
    }

    #[test]
    fn odd_figures_are_read_or_refused_never_misread() {
        // A range written high to low is read in order.
        let c = one("Between 55 and 16 soldiers were killed on Friday.");
        assert_eq!((c.2, c.3, c.4), (16, Some(55), Hedge::Range));
        // Digits of other scripts.
        assert_eq!(one("٣٥ policemen were killed.").2, 35);
        assert_eq!(one("３５ policemen were killed.").2, 35);
        // Notations glued to digits, and absurd sizes, are no counts.
        assert!(casualties("About 1e999 soldiers were killed.").is_empty());
        assert!(casualties("About 5000000000000 soldiers were killed.").is_empty());
    }

    #[test]
    fn several_claims_in_one_sentence() {
        let found =
            casualties("the gun battle resulted in 16 policemen being killed and 13 injured.");
        assert_eq!(
            found.iter().map(|c| (c.2, c.1)).collect::<Vec<_>>(),
            [(16, Outcome::Killed), (13, Outcome::Injured)]
        );
        assert_eq!(found[1].0, "security_forces");
        let found = casualties(
            "Last Sunday, six soldiers and two dozen militants were killed in assaults.",
        );
        assert_eq!(
            found
                .iter()
                .map(|c| (c.0.as_str(), c.2))
                .collect::<Vec<_>>(),
            [("soldiers", 6), ("militants", 24)]
        );
        let found = casualties(
            "the attack, which killed dozens of Egyptian personnel and wounded many others.",
        );
        assert_eq!(
            found
                .iter()
                .map(|c| (c.1, c.0.as_str()))
                .collect::<Vec<_>>(),
            [
                (Outcome::Killed, "security_forces"),
                (Outcome::Injured, "security_forces")
            ]
        );
    }

    #[test]
    fn breakdowns_vague_bounds_and_tolls() {
        let c = one(
            "At least 55 policemen, including 20 officers and 34 conscripts, were killed in a shootout.",
        );
        assert_eq!((c.2, c.6), (55, 2));
        let found = casualties(
            "officials described the death toll as in the dozens, with few militants, if any, being killed.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].2, found[0].4),
            ("security_forces", 24, Hedge::Vague)
        );
        assert_eq!(
            (found[1].0.as_str(), found[1].2, found[1].3),
            ("militants", 0, Some(5))
        );
        let found = casualties(
            "Official numbers put the number of killed at 16 while other media put the number at 54.",
        );
        assert_eq!(found.iter().map(|c| c.2).collect::<Vec<_>>(), [16, 54]);
    }

    #[test]
    fn complements_and_a_second_person_belong_to_the_count() {
        let c = one("Five members of the same family, including three children, died in the fire.");
        assert_eq!((c.1, c.2, c.6), (Outcome::Killed, 5, 1));
        let c = one("Three residents of the building were taken to hospital.");
        assert_eq!((c.1, c.2), (Outcome::Injured, 3));
        let c = one("The bus hit a truck, injuring 11 students and the driver.");
        assert_eq!((c.1, c.2, c.3, c.6), (Outcome::Injured, 12, Some(12), 2));
        // A plural after the article is no one person.
        let c = one("The bus hit a truck, injuring 11 students and the drivers.");
        assert_eq!(c.2, 11);
    }

    #[test]
    fn any_verb_to_death_is_a_death_but_a_sentence_is_not() {
        let c = one("A farmer was trampled to death by a wild elephant.");
        assert_eq!((c.1, c.2), (Outcome::Killed, 1));
        let c = one("Two men froze to death in the storm.");
        assert_eq!((c.1, c.2), (Outcome::Killed, 2));
        assert!(casualties("Two men were sentenced to death on Monday.").is_empty());
        // After the object of a harming verb.
        let c = one("The gunman shot two men dead.");
        assert_eq!((c.1, c.2), (Outcome::Killed, 2));
        let found = casualties("He shot his wife to death and wounded his son.");
        assert_eq!(
            found.iter().map(|c| c.1).collect::<Vec<_>>(),
            [Outcome::Killed, Outcome::Injured],
            "{found:?}"
        );
        assert!(casualties("Two men were scared to death by the noise.").is_empty());
    }

    #[test]
    fn an_event_named_as_a_unit_or_a_scene_tells_no_death() {
        assert!(casualties("The department's homicide detectives were called.").is_empty());
        assert!(casualties("Anytime you show up to a homicide scene it is tragic.").is_empty());
        let c = one("Police are investigating a homicide on Elm Street.");
        assert_eq!((c.1, c.2), (Outcome::Killed, 1));
    }

    #[test]
    fn numbers_that_count_nothing() {
        for text in [
            "President Sisi prepares to attend the 75th anniversary of the Battle.",
            "1.2114013-2760217987",
            "the army in 2013 removed the president",
            "over 100 km from Cairo",
            "two truck drivers who were leaving the site",
            "over 100 Copts were killed in three attacks in Cairo",
            "The president extended for three months the state of emergency.",
        ] {
            let found = casualties(text);
            let expected = usize::from(text.contains("Copts"));
            assert_eq!(found.len(), expected, "{text}: {found:?}");
        }
    }
}
