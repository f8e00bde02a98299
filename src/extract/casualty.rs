//! Casualty claims: a count, the people counted, and what happened to them.
//!
//! The rule is general: a quantity ("at least 35", "several", "two dozen"), a group noun after
//! it (with up to three modifiers: "Egyptian", "suspected", quotation marks), and an outcome
//! word, either after the group ("were killed", "perished", "being killed and 13 injured") or
//! before the quantity ("killed 12 terrorists"). Breakdowns ("55, including 20 officers and 34
//! conscripts") become parts of the claim, not claims of their own; "few, if any" lowers the
//! bound to zero; a toll without a group ("put the number at 54") takes the group of the
//! report's earlier counts of the dead for the same incident.

use super::lexicon::Lexicon;
use super::numbers::{Quantity, quantity_at};
use super::tokens::{Kind, Tokens};
use crate::model::{Count, Hedge, Outcome, Part, Who};

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
}

impl Casualty {
    fn without_parts(
        start: usize,
        end: usize,
        who: Who,
        outcome: Outcome,
        count: Count,
        hedge: Hedge,
    ) -> Self {
        Casualty {
            start,
            end,
            who,
            outcome,
            count,
            hedge,
            parts: Vec::new(),
        }
    }
}

/// Words that end the search for a group noun after a quantity.
const NOT_MODIFIERS: [&str; 22] = [
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "in", "on", "at", "by",
    "from", "with", "and", "or", "of", "to", "for", "who", "that",
];
/// Words that end the search for an outcome after the group.
const CLAUSE_END: [&str; 5] = ["but", "while", "whereas", "although", "though"];
/// Words that open an apposition describing the people counted ("most of them women").
const APPOSITION_STARTS: [&str; 8] = [
    "most", "many", "all", "mostly", "among", "both", "mainly", "several",
];
/// Singular group nouns, counted as one after "a"/"an" ("a police officer was killed").
const ONE: [&str; 2] = ["a", "an"];
/// How far an outcome word may be from the group.
const OUTCOME_WINDOW: usize = 8;

/// A capitalised plural naming people by nationality or community ("Palestinians",
/// "Pakistanis", "Yazidis"): counted as people.
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

/// A group noun phrase from token `i`: skips up to three modifiers. Returns the group, where
/// the words start (after quotes) and the token after the noun.
fn group_at(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<(String, usize, usize)> {
    let mut j = i;
    let mut modifiers = 0;
    while j < to {
        if let Some((group, end)) = lex.groups.at(toks, j) {
            let start = first_word(toks, i, j);
            return Some((group, start, end));
        }
        // A nationality plural heads the phrase unless a group noun follows ("Egyptian
        // soldiers" are soldiers; "27 Palestinians" are people).
        if demonym_plural(toks, j) && !lex.groups.contains_at(toks, j + 1) {
            return Some(("people".to_string(), first_word(toks, i, j), j + 1));
        }
        if toks.is_quote(j) {
            j += 1;
            continue;
        }
        let is_modifier = toks.kind(j) == Some(Kind::Word)
            && !toks.is_any(j, &NOT_MODIFIERS)
            && !lex.outcomes.contains_at(toks, j)
            && quantity_at(toks, j, lex).is_none();
        if !is_modifier || modifiers == 3 {
            return None;
        }
        modifiers += 1;
        j += 1;
    }
    None
}

fn first_word(toks: &Tokens, from: usize, to: usize) -> usize {
    (from..to).find(|&k| !toks.is_quote(k)).unwrap_or(to)
}

/// "X and Y": the noun phrase continues past "and" when another group follows.
fn coordinated(
    toks: &Tokens,
    group: String,
    end: usize,
    to: usize,
    lex: &Lexicon,
) -> (String, usize) {
    // "two policemen and a civilian": a second noun phrase with its own article or number is
    // not part of the count.
    if toks.is(end, "and")
        && quantity_at(toks, end + 1, lex).is_none()
        && !toks.is_any(end + 1, &["a", "an", "the", "one"])
        && let Some((other, _, end2)) = group_at(toks, end + 1, to, lex)
    {
        let mixed = if other == group {
            group
        } else {
            lex.mixed_group.clone()
        };
        return (mixed, end2);
    }
    (group, end)
}

fn words(toks: &Tokens, a: usize, b: usize) -> String {
    toks.slice(a, b)
        .trim_matches(|c: char| c == '"' || c == '“' || c == '”')
        .to_string()
}

/// An outcome word just before token `i` ("killed 12", "killing all 224").
fn outcome_before(toks: &Tokens, i: usize, from: usize, lex: &Lexicon) -> Option<(Outcome, usize)> {
    let mut k = i.checked_sub(1).filter(|&k| k >= from)?;
    if toks.is(k, "all") {
        k = k.checked_sub(1).filter(|&k| k >= from)?;
    }
    lex.outcomes
        .at(toks, k)
        .filter(|(_, end)| *end <= i)
        .map(|(o, _)| (o, k))
}

/// An outcome word within the window after token `i`, stopping at the end of the clause.
fn outcome_after(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<(Outcome, usize)> {
    let stop = (i + OUTCOME_WINDOW).min(to);
    for k in i..stop {
        if toks.is_punct(k, '.') || toks.is_punct(k, ';') || toks.is_any(k, &CLAUSE_END) {
            return None;
        }
        if let Some((outcome, end)) = lex.outcomes.at(toks, k) {
            return Some((outcome, end));
        }
    }
    None
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

/// Every casualty claim in tokens `from..to`. `toll_who` is who an unqualified death toll
/// counts in this report (the group of its earlier counts of the dead), if known.
pub fn find(
    toks: &Tokens,
    from: usize,
    to: usize,
    lex: &Lexicon,
    toll_who: Option<&Who>,
) -> Vec<Casualty> {
    let mut found: Vec<Casualty> = Vec::new();
    let mut i = from;
    while i < to {
        let q = quantity_at(toks, i, lex)
            .filter(|q| q.end <= to)
            .or_else(|| singular_at(toks, i, to, lex));
        let Some(q) = q else {
            i += 1;
            continue;
        };
        match claim_at(toks, &q, from, to, lex, found.last(), toll_who) {
            Some((claim, next)) => {
                found.push(claim);
                i = next.max(q.end);
            }
            None => i = q.end.max(i + 1),
        }
    }
    found
}

/// "a police officer", "an aid worker": one person, when a singular group noun follows.
fn singular_at(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<Quantity> {
    if !toks.is_any(i, &ONE) {
        return None;
    }
    let (_, _, end) = group_at(toks, i + 1, to, lex)?;
    let noun = toks.lower(end - 1)?;
    // Plural heads ("a dozen soldiers" is handled as a number; "a few people" as vague).
    if noun.ends_with('s')
        || matches!(
            noun,
            "police" | "people" | "personnel" | "children" | "women"
        )
    {
        return None;
    }
    Some(Quantity {
        start: i,
        end: i + 1,
        low: 1,
        high: Some(1),
        hedge: Hedge::Exact,
    })
}

fn claim_at(
    toks: &Tokens,
    q: &Quantity,
    from: usize,
    to: usize,
    lex: &Lexicon,
    previous: Option<&Casualty>,
    toll_who: Option<&Who>,
) -> Option<(Casualty, usize)> {
    let mut count = Count {
        low: q.low,
        high: q.high,
    };
    let mut j = q.end;
    // "17 members of the security forces", "14 of their fighters", "dozens of police".
    if toks.is_any(j, &["members", "member"]) && toks.is(j + 1, "of") {
        j += 1;
    }
    if toks.is(j, "of") {
        j += 1;
        if toks.is_any(j, &["the", "these", "those", "its", "their"]) {
            j += 1;
        }
    }
    let group = group_at(toks, j, to, lex).map(|(g, start, end)| {
        let (g, end) = coordinated(toks, g, end, to, lex);
        (g, start, end)
    });
    let (who, np_end) = match group {
        Some((group, start, end)) if group == "inherit" => {
            let prev = previous?;
            (
                Who {
                    group: prev.who.group.clone(),
                    text: words(toks, start, end),
                },
                end,
            )
        }
        Some((group, start, end)) => (
            Who {
                group,
                text: words(toks, start, end),
            },
            end,
        ),
        None => {
            // "16 policemen being killed and 13 injured", "killing 59 worshippers and wounding
            // more than 150": the group of the count before, with its own outcome.
            if let Some(prev) = previous {
                if toks.is(q.start.wrapping_sub(1), "and")
                    && let Some((outcome, end)) =
                        lex.outcomes.at(toks, q.end).filter(|(_, end)| *end <= to)
                {
                    let claim = Casualty::without_parts(
                        q.start,
                        end,
                        prev.who.clone(),
                        outcome,
                        count,
                        q.hedge,
                    );
                    return Some((claim, end));
                }
                if let Some((outcome, verb)) = outcome_before(toks, q.start, from, lex)
                    && verb + 1 >= prev.end
                {
                    let who = prev.who.clone();
                    let claim = Casualty::without_parts(verb, q.end, who, outcome, count, q.hedge);
                    return Some((claim, q.end));
                }
            }
            let (toll_start, outcome) = toll_before(toks, q, from, lex)?;
            let who = toll_who.cloned().unwrap_or(Who {
                group: "people".into(),
                text: String::new(),
            });
            let claim = Casualty::without_parts(toll_start, q.end, who, outcome, count, q.hedge);
            return Some((claim, q.end));
        }
    };

    let mut k = np_end;
    // Closing quotation marks belong to the noun phrase.
    while toks.is_quote(k) {
        k += 1;
    }
    // "Eighteen people, most of them women and children, died": skip the apposition.
    if toks.is_punct(k, ',')
        && toks.is_any(k + 1, &APPOSITION_STARTS)
        && let Some(close) = (k + 2..(k + 14).min(to)).find(|&c| toks.is_punct(c, ','))
    {
        k = close + 1;
    }
    // "few militants, if any, being killed"
    if toks.is_punct(k, ',') && toks.is(k + 1, "if") && toks.is(k + 2, "any") {
        count.low = 0;
        k += 3;
        if toks.is_punct(k, ',') {
            k += 1;
        }
    }
    // "55 policemen, including 20 officers and 34 conscripts, were killed"
    let mut parts = Vec::new();
    let mut p = if toks.is_punct(k, ',') { k + 1 } else { k };
    if toks.is(p, "including") {
        p += 1;
        while let Some(part_q) = quantity_at(toks, p, lex) {
            let Some((group, start, end)) = group_at(toks, part_q.end, to, lex) else {
                break;
            };
            parts.push(Part {
                who: Who {
                    group,
                    text: words(toks, start, end),
                },
                count: Count {
                    low: part_q.low,
                    high: part_q.high,
                },
            });
            p = end;
            if toks.is(p, "and")
                || (toks.is_punct(p, ',') && quantity_at(toks, p + 1, lex).is_some())
            {
                p += 1;
            } else {
                break;
            }
        }
        if !parts.is_empty() {
            k = if toks.is_punct(p, ',') { p + 1 } else { p };
        }
    }

    // "killed 12 terrorists" first: in "killed dozens ... and wounded many others" the verb
    // before the count is the one that governs it.
    if let Some((outcome, verb)) = outcome_before(toks, q.start, from, lex) {
        let claim = Casualty {
            start: verb,
            end: k.min(to).max(np_end),
            who,
            outcome,
            count,
            hedge: q.hedge,
            parts,
        };
        let end = claim.end;
        return Some((claim, end));
    }
    let (outcome, end) = outcome_after(toks, k, to, lex)?;
    // Scanning resumes after the noun phrase and its breakdown: a coordinated count ("six
    // soldiers and two dozen militants") is a claim of its own, a part of a breakdown is not.
    let resume = if parts.is_empty() { np_end } else { k };
    let claim = Casualty {
        start: q.start,
        end,
        who,
        outcome,
        count,
        hedge: q.hedge,
        parts,
    };
    Some((claim, resume))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Summary = (String, Outcome, u64, Option<u64>, Hedge, String, usize);

    fn casualties(text: &str) -> Vec<Summary> {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        let lex = Lexicon::defaults();
        let police = Who {
            group: "security_forces".into(),
            text: "policemen".into(),
        };
        find(&toks, 0, toks.len(), &lex, Some(&police))
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
