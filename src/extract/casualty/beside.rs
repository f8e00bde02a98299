//! What stands beside a person in their phrase: an apposition ("Gomez, 31,", "Rodney Jones, a
//! 42-year-old father of two,"), the next of a list ("Kelcii Flintroy, Willie Norman and …"),
//! people counted beside them ("and her two young children") and an outcome told in a
//! relative clause ("His cousin, who was also shot, is recovering").

use super::super::lexicon::Lexicon;
use super::super::numbers::{Quantity, quantity_at};
use super::super::tokens::{Kind, Tokens};
use super::outcome;
use super::people::{self, POSSESSIVE, group_at, name_at};
use super::{who, words};
use crate::model::{Outcome, Who};

/// Where a list's next person ends when one starts at token `k`: a name or a possessive
/// phrase ("his wife"), never an indefinite one, which describes the person before it.
pub fn list_item_end(toks: &Tokens, k: usize, to: usize, lex: &Lexicon) -> Option<usize> {
    if toks.is_any(k, &POSSESSIVE) {
        return group_at(toks, k + 1, to, lex).map(|np| np.end);
    }
    name_at(toks, k, to, &[]).map(|(_, e)| e)
}

/// What stands after a person before the predicate: an age or description between commas
/// ("Gomez, 31,", "Rodney Jones, a 42-year-old father of two,"), or "of" a place ("Caskey
/// of Ashdown"). Returns the token after it and the age it gives.
pub fn apposition(toks: &Tokens, k: usize, to: usize, lex: &Lexicon) -> (usize, Option<u32>) {
    // "a woman in her 40s", "a man in his early 20s".
    if toks.is(k, "in") && toks.is_any(k + 1, &["his", "her", "their"]) {
        let n = k + 2 + usize::from(toks.is_any(k + 2, &["early", "mid", "late"]));
        if toks.kind(n) == Some(Kind::Number)
            && toks.text(n).ends_with('0')
            && toks.is(n + 1, "s")
            && toks.touches_previous(n + 1)
        {
            return (n + 2, None);
        }
    }
    if toks.is(k, "of") && toks.is_capitalized(k + 1) {
        let mut j = k + 1;
        while toks.is_capitalized(j) || toks.is_punct(j, ',') && toks.is_capitalized(j + 1) {
            j += 1;
        }
        return (j, None);
    }
    if !toks.is_punct(k, ',') {
        return (k, None);
    }
    let Some(close) = (k + 1..(k + 20).min(to)).find(|&c| toks.is_punct(c, ',')) else {
        return (k, None);
    };
    let inside = k + 1..close;
    // A clause between the commas ("police said") is not a description.
    if inside
        .clone()
        .any(|j| lex.attribution_verbs.contains_at(toks, j) || lex.outcome_after(toks, j).is_some())
    {
        return (k, None);
    }
    let age = inside.clone().find_map(|j| {
        people::age_at(toks, j).map(|a| a.0).or_else(|| {
            (toks.kind(j) == Some(Kind::Number))
                .then(|| toks.text(j).parse().ok())
                .flatten()
                .filter(|n: &u32| *n < 130)
        })
    });
    (close + 1, age)
}

/// "His cousin, who was also shot, is recovering": an outcome told in a relative clause
/// between commas after the person, when the main predicate tells none.
pub fn relative_outcome(
    toks: &Tokens,
    k: usize,
    to: usize,
    lex: &Lexicon,
) -> Option<(Outcome, usize)> {
    if !toks.is_punct(k, ',') || !toks.is(k + 1, "who") {
        return None;
    }
    let (outcome, end) = outcome::predicate(toks, k + 2, to, lex)?;
    // Only a clause that closes soon after its outcome: "who was shot in the leg, is…".
    (end..(end + 8).min(to))
        .any(|c| toks.is_punct(c, ','))
        .then_some((outcome, end))
}

/// "and (their) two children" after a person: the people counted beside them and the token
/// after their words.
pub fn companions_at(
    toks: &Tokens,
    and: usize,
    to: usize,
    lex: &Lexicon,
) -> Option<((Who, Quantity), usize)> {
    if !toks.is(and, "and") {
        return None;
    }
    let k = and + 1 + usize::from(toks.is_any(and + 1, &POSSESSIVE));
    let q = quantity_at(toks, k, lex)?;
    let np = group_at(toks, q.end, to, lex).filter(|np| np.group != "inherit")?;
    Some((
        (who(lex, np.group, words(toks, np.start, np.end)), q),
        np.end,
    ))
}
