//! A count and the people it counts: "at least 35 Egyptian policemen perished", "killing 59
//! worshippers and wounding more than 150", "two of them fatally", "left two dead".

use super::super::lexicon::Lexicon;
use super::super::numbers::{Quantity, quantity_at};
use super::super::tokens::Tokens;
use super::people::group_at;
use super::{APPOSITION_STARTS, Casualty, coordinated, outcome, toll_before, who, words};
use crate::model::{Count, Outcome, Part, Person, Who};

/// Words opening a noun phrase of one thing or person ("the driver", "his wife").
const DETERMINERS: [&str; 7] = ["the", "a", "an", "his", "her", "their", "its"];

/// Nouns after a number that count no people ("shot several times", "hit two rounds").
pub(super) const NOT_PEOPLE: [&str; 16] = [
    "times", "time", "rounds", "round", "shots", "bullets", "hours", "minutes", "days", "weeks",
    "months", "years", "miles", "feet", "blocks", "percent",
];

/// The people a count counts and where their words end: a group noun ("17 members of the
/// security forces"), "of them" or "others" (the group of the count before), or none.
fn counted_group(
    toks: &Tokens,
    q: &Quantity,
    to: usize,
    lex: &Lexicon,
    previous: Option<&Casualty>,
) -> Option<(Who, usize, Option<Person>)> {
    let mut j = q.end;
    let members = toks.is_any(j, &["members", "member"]) && toks.is(j + 1, "of");
    if members {
        j += 1;
    }
    if toks.is(j, "of") {
        j += 1;
        // "two of them fatally": the people of the count before.
        if toks.is_any(j, &["them", "those", "whom"]) {
            let group = previous.map_or_else(|| "people".to_string(), |p| p.who.group.clone());
            return Some((who(lex, group, words(toks, q.start, j + 1)), j + 1, None));
        }
        if toks.is_any(j, &["the", "these", "those", "its", "their"]) {
            j += 1;
        }
    }
    let Some(np) = group_at(toks, j, to, lex).map(|np| coordinated(toks, np, to, lex)) else {
        // "Five members of the same family": members of what names no group of its own.
        let np = group_at(toks, q.end, to, lex).filter(|_| members)?;
        let end = complement_end(toks, np.end, to, lex);
        return Some((who(lex, np.group, words(toks, np.start, np.end)), end, None));
    };
    // "Image 8 of 8 4-year-old who shot himself dies": a number before a singular age noun
    // does not count it.
    if q.low >= 2 && j == q.end && np.age.is_some() && np.singular(toks) {
        return None;
    }
    // "one man", "one person": one person singled out, as "a man" is.
    let person = (q.low == 1 && q.high == Some(1) && j == q.end && np.singular(toks))
        .then(|| np.person(false));
    let group = if np.group == "inherit" {
        previous.map_or_else(|| "people".to_string(), |p| p.who.group.clone())
    } else {
        np.group
    };
    Some((
        who(lex, group, words(toks, np.start, np.end)),
        np.end,
        person,
    ))
}

/// Where a noun's "of" complement ends ("members of the same family", "residents of the
/// building"): at the comma, verb or outcome after it, at most six words on; `k` when there is
/// none.
fn complement_end(toks: &Tokens, k: usize, to: usize, lex: &Lexicon) -> usize {
    if !toks.is(k, "of") || !toks.is_any(k + 1, &DETERMINERS) {
        return k;
    }
    (k + 3..(k + 8).min(to))
        .find(|&j| {
            toks.is_punct(j, ',')
                || toks.is_any(j, &["were", "was", "are", "is", "have", "has", "had"])
                || lex.outcome_after(toks, j).is_some()
        })
        .unwrap_or(k)
}

/// The second of two coordinated counts: "and two men", "and the driver" (one person).
fn second_conjunct(
    toks: &Tokens,
    k: usize,
    to: usize,
    lex: &Lexicon,
    q: &Quantity,
    previous: Option<&Casualty>,
) -> Option<(Who, usize, Count)> {
    if let Some(q2) = quantity_at(toks, k, lex).filter(|q2| q2.hedge == q.hedge) {
        let (who2, end2, _) = counted_group(toks, &q2, to, lex, previous)?;
        let count = Count {
            low: q2.low,
            high: q2.high,
            reversed: q2.reversed,
        };
        return Some((who2, end2, count));
    }
    if !toks.is_any(k, &DETERMINERS) {
        return None;
    }
    let np =
        group_at(toks, k + 1, to, lex).filter(|np| np.singular(toks) && np.group != "inherit")?;
    let count = Count {
        low: 1,
        high: Some(1),
        reversed: false,
    };
    Some((who(lex, np.group, words(toks, k, np.end)), np.end, count))
}

/// A count with no group noun: "16 policemen being killed and 13 injured", "killing 59
/// worshippers and wounding more than 150", "left two dead", "put the death toll at 54".
fn without_group(
    toks: &Tokens,
    q: &Quantity,
    from: usize,
    to: usize,
    lex: &Lexicon,
    previous: Option<&Casualty>,
    toll: &super::Toll,
) -> Option<(Casualty, usize)> {
    let group_before = || {
        previous.map_or_else(
            || who(lex, "people".into(), String::new()),
            |p| p.who.clone(),
        )
    };
    // "13 injured", "two dead", "one fatally", "2 critically wounded".
    let mut k = q.end;
    if toks.is_any(k, &["were", "are", "was", "is"]) {
        k += 1;
    }
    if toks
        .lower(k)
        .is_some_and(|w| w.ends_with("ly") && lex.outcome_after(toks, k).is_none())
    {
        k += 1;
    }
    if let Some((outcome, end)) = lex.outcome_after(toks, k).filter(|(_, end)| *end <= to)
        && !toks.is_any(
            q.start.wrapping_sub(1),
            &["at", "on", "in", "since", "by", "from", "to", "of", "than"],
        )
    {
        let claim = Casualty::counted(q.start, end, group_before(), outcome, q);
        return Some((claim, end));
    }
    if let Some(prev) = previous
        && let Some((outcome, verb)) = outcome::before(toks, q.start, from, lex)
        && verb + 1 >= prev.end
        && !toks.is_any(q.end, &NOT_PEOPLE)
    {
        let claim = Casualty::counted(verb, q.end, prev.who.clone(), outcome, q);
        return Some((claim, q.end));
    }
    let (toll_start, outcome) = toll_before(toks, q, from, lex)?;
    let who = toll.who(lex);
    Some((Casualty::counted(toll_start, q.end, who, outcome, q), q.end))
}

/// "55 policemen, including 20 officers and 34 conscripts": the parts, and the token after
/// the breakdown when there is one.
fn breakdown(toks: &Tokens, k: usize, to: usize, lex: &Lexicon) -> (Vec<Part>, usize) {
    let mut parts = Vec::new();
    let mut p = if toks.is_punct(k, ',') { k + 1 } else { k };
    if !toks.is(p, "including") {
        return (parts, k);
    }
    p += 1;
    while let Some(part_q) = quantity_at(toks, p, lex) {
        let Some(np) = group_at(toks, part_q.end, to, lex) else {
            break;
        };
        parts.push(Part {
            who: who(lex, np.group, words(toks, np.start, np.end)),
            count: Count {
                low: part_q.low,
                high: part_q.high,
                reversed: part_q.reversed,
            },
        });
        p = np.end;
        if toks.is(p, "and") || (toks.is_punct(p, ',') && quantity_at(toks, p + 1, lex).is_some()) {
            p += 1;
        } else {
            break;
        }
    }
    if parts.is_empty() {
        (parts, k)
    } else {
        (parts, if toks.is_punct(p, ',') { p + 1 } else { p })
    }
}

/// The closing comma of an apposition opening at the comma `k`, when it holds no verb of its
/// own (an outcome or an attribution: "two, police said, were killed").
fn apposition_end(toks: &Tokens, k: usize, to: usize, lex: &Lexicon) -> Option<usize> {
    let close = (k + 2..(k + 14).min(to)).find(|&c| toks.is_punct(c, ','))?;
    let verb = (k + 1..close).any(|j| {
        lex.outcome_after(toks, j).is_some() || lex.attribution_verbs.contains_at(toks, j)
    });
    (!verb).then_some(close)
}

/// The counted groups joined to the first ("three women and two men", "3 adults, 1 child")
/// that can be added to it, and where the last ends (`np_end` when there is none).
fn conjuncts(
    toks: &Tokens,
    np_end: usize,
    to: usize,
    lex: &Lexicon,
    q: &Quantity,
    previous: Option<&Casualty>,
    who: &Who,
) -> (Vec<(Who, Count)>, usize) {
    let mut conjuncts: Vec<(Who, Count)> = Vec::new();
    let mut end_all = np_end;
    while conjuncts.len() < 4 {
        let (next, needs_number) = if toks.is(end_all, "and") {
            (end_all + 1, false)
        } else if toks.is_punct(end_all, ',') && toks.is(end_all + 1, "and") {
            (end_all + 2, false)
        } else if toks.is_punct(end_all, ',') {
            (end_all + 1, true)
        } else {
            break;
        };
        if needs_number && quantity_at(toks, next, lex).is_none() {
            break;
        }
        let Some((who2, end2, count2)) = second_conjunct(toks, next, to, lex, q, previous) else {
            break;
        };
        let compatible = who2.group == who.group
            || [&who.group, &who2.group]
                .iter()
                .all(|g| ["people", "civilians"].contains(&g.as_str()));
        if !compatible {
            break;
        }
        conjuncts.push((who2, count2));
        end_all = end2;
    }
    (conjuncts, end_all)
}

/// The claim a count makes, if any, and where scanning resumes.
pub fn claim_at(
    toks: &Tokens,
    q: &Quantity,
    from: usize,
    to: usize,
    lex: &Lexicon,
    previous: Option<&Casualty>,
    toll: &super::Toll,
) -> Option<(Casualty, usize)> {
    let mut count = Count {
        low: q.low,
        high: q.high,
        reversed: q.reversed,
    };
    let Some((mut who, mut np_end, mut person)) = counted_group(toks, q, to, lex, previous) else {
        return without_group(toks, q, from, to, lex, previous, toll);
    };
    // "three women and two men were injured" is five people injured, "3 adults, 1 child found
    // shot to death" four.
    let mut parts = Vec::new();
    np_end = complement_end(toks, np_end, to, lex);
    let (conjuncts, end_all) = conjuncts(toks, np_end, to, lex, q, previous, &who);
    // "three women and two men were injured", "injuring 23 pupils and two teachers".
    if !conjuncts.is_empty()
        && (outcome::after(toks, end_all, to, lex).is_some()
            || outcome::before(toks, q.start, from, lex).is_some())
    {
        parts.push(Part {
            who: who.clone(),
            count,
        });
        for (who2, count2) in conjuncts {
            count.low += count2.low;
            count.high = count.high.zip(count2.high).map(|(a, b)| a + b);
            if who2.group != who.group {
                who.group = "people".into();
            }
            parts.push(Part {
                who: who2,
                count: count2,
            });
        }
        person = None;
        who.text = words(toks, q.start, end_all);
        np_end = end_all;
    }
    let mut k = np_end;
    // Closing quotation marks belong to the noun phrase.
    while toks.is_quote(k) {
        k += 1;
    }
    // "Eighteen people, most of them women and children, died", "One of them, a 16-year-old
    // boy, later died": skip the apposition.
    if toks.is_punct(k, ',')
        && (toks.is_any(k + 1, &APPOSITION_STARTS) || toks.is_any(k + 1, &["a", "an", "the"]))
        && let Some(close) = apposition_end(toks, k, to, lex)
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
    let mut k = if parts.is_empty() {
        let (found, k) = breakdown(toks, k, to, lex);
        parts = found;
        k
    } else {
        k
    };
    // "Three people, including a 10-year-old girl, were injured": one singled out among them
    // is no breakdown.
    if parts.is_empty()
        && toks.is_punct(k, ',')
        && toks.is(k + 1, "including")
        && let Some(close) = apposition_end(toks, k, to, lex)
    {
        k = close + 1;
    }

    // "killed 12 terrorists" first: in "killed dozens ... and wounded many others" the verb
    // before the count is the one that governs it.
    if let Some((mut outcome, verb)) = outcome::before(toks, q.start, from, lex) {
        // "shot two men to death".
        if let Some(e) = outcome::death_after_object(toks, np_end) {
            outcome = Outcome::Killed;
            k = k.max(e);
        }
        let claim = Casualty {
            start: verb,
            end: k.min(to).max(np_end),
            who,
            outcome,
            count,
            hedge: q.hedge,
            parts,
            person,
        };
        let end = claim.end;
        return Some((claim, end));
    }
    let (mut outcome, mut end) = outcome::after(toks, k, to, lex)?;
    // "Two men were shot Tuesday and later died".
    if matches!(outcome, Outcome::Shot | Outcome::Injured)
        && let Some(death) = outcome::later_death(toks, end, to, lex)
    {
        (outcome, end) = (Outcome::Killed, death);
    }
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
        person,
    };
    Some((claim, resume))
}
