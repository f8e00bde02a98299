//! Time expressions: dates ("October 20, 2017", "7 July", "Oct. 2", "March 29th 2015",
//! "6/28/2015", "09-17-2016"), months ("In September"), years, weekdays ("Friday", "last Sunday"), "yesterday", "N years ago", "last month", and the
//! relational "a week after", resolved against the report's publication date.
//!
//! English calendar words are grammar, so they are here; AP-style abbreviations ("Sept.") are
//! handled because wire copy uses them.

mod expression;

use jiff::civil::{Date, Weekday};

use expression::expression_at;

use super::tokens::{Kind, Tokens};
use crate::model::PartialDate;

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// First token.
    pub start: usize,
    /// Token after it.
    pub end: usize,
    /// What it resolves to, when it can be resolved.
    pub date: Option<PartialDate>,
    /// Introduced by "since": a duration up to now, not the date of an event in the sentence.
    pub since: bool,
    /// For "a week after" and the like: days to add to the sentence's main event to reach the
    /// event the expression introduces (-7 for "a week after").
    pub offset_days: Option<i64>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The mask bit of a word a time expression may start with (a month, a weekday, "last",
/// "yesterday"…): set once per token by [`super::lexicon::Lexicon::masks`], so that the scan
/// for time expressions passes over other words at once.
pub const TIME_WORD: u32 = 1 << 22;

/// Every word other than a number a time expression may start with.
pub fn time_words() -> impl Iterator<Item = &'static str> {
    MONTHS
        .iter()
        .copied()
        .chain(MONTH_ABBREVIATIONS.iter().map(|(a, _)| *a))
        .chain(WEEKDAYS.iter().map(|(w, _)| *w))
        .chain(["last", "next", "this", "yesterday", "today", "tonight"])
}

/// True for month and weekday names, which are capitalised but never places or actors.
pub fn is_calendar_word(word: &str) -> bool {
    // Asked of every capitalised word of a text: no allocation, and most words leave at once.
    let word = word.trim_end_matches('.');
    if !(3..=9).contains(&word.len()) {
        return false;
    }
    let same = |name: &str| name.eq_ignore_ascii_case(word);
    MONTHS.iter().any(|m| same(m))
        || WEEKDAYS.iter().any(|(w, _)| same(w))
        || MONTH_ABBREVIATIONS.iter().any(|(a, _)| same(a))
}

/// The month named at token `i` and the token after the name (and its period).
pub fn month_at(toks: &Tokens, i: usize) -> Option<(u8, usize)> {
    let word = toks.lower(i)?;
    if let Some(m) = MONTHS.iter().position(|n| *n == word) {
        // "may" and "march" are also verbs: only capitalised they are months.
        if matches!(word, "may" | "march") && !toks.is_capitalized(i) {
            return None;
        }
        return Some((m as u8 + 1, i + 1));
    }
    let (_, m) = MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == word)?;
    // Abbreviations only with a capital and a period ("Oct.", "Sept."), or before a day.
    if !toks.is_capitalized(i) {
        return None;
    }
    if toks.is_punct(i + 1, '.') {
        return Some((*m, i + 2));
    }
    (toks.kind(i + 1) == Some(Kind::Number)).then_some((*m, i + 1))
}

/// True when token `i` is the day of a date ("Sept. 3", "March 3"): a number of one or two
/// digits right after a month. Such a number counts nothing ("on Sept. 3 died Saturday").
pub fn day_of_month(toks: &Tokens, i: usize) -> bool {
    toks.kind(i) == Some(Kind::Number)
        && toks.text(i).len() <= 2
        && (i
            .checked_sub(1)
            .and_then(|k| month_at(toks, k))
            .is_some_and(|(_, j)| j == i)
            || i.checked_sub(2)
                .and_then(|k| month_at(toks, k))
                .is_some_and(|(_, j)| j == i))
}

fn number(toks: &Tokens, i: usize) -> Option<u64> {
    if toks.kind(i)? != Kind::Number {
        return None;
    }
    toks.text(i).parse().ok()
}

fn year_at(toks: &Tokens, i: usize) -> Option<i16> {
    let n = number(toks, i)?;
    (toks.text(i).len() == 4 && (1800..=2100).contains(&n)).then_some(n as i16)
}

fn day(n: u64) -> Option<u8> {
    (1..=31).contains(&n).then_some(n as u8)
}

/// The token after a day at `j` and its ordinal ending, written on it ("29th", "1st").
fn after_ordinal(toks: &Tokens, j: usize) -> usize {
    let ordinal = toks.touches_previous(j + 1) && toks.is_any(j + 1, &["st", "nd", "rd", "th"]);
    if ordinal { j + 2 } else { j + 1 }
}

/// A year of two or four digits as numeric dates write it ("6/28/15", "6/28/2015").
fn numeric_year(part: &str) -> Option<i16> {
    let n: i16 = part.parse().ok()?;
    match part.len() {
        2 => Some(if n < 70 { 2000 + n } else { 1900 + n }),
        4 if (1800..=2100).contains(&n) => Some(n),
        _ => None,
    }
}

/// A date written in numbers from token `i`, and the token after it: "2016-09-17", "09-17-2016"
/// (one token, the hyphens join its digits) or "6/28/2015", "01/25/16" (five tokens written
/// together). Month first, as American pages write it, unless the first number cannot be a
/// month ("25/01/2016").
fn numeric_date(toks: &Tokens, i: usize) -> Option<(PartialDate, usize)> {
    if toks.kind(i)? != Kind::Number {
        return None;
    }
    let (parts, end): (Vec<&str>, usize) = if toks.text(i).contains('-') {
        (toks.text(i).split('-').collect(), i + 1)
    } else if toks.is_punct(i + 1, '/')
        && toks.is_punct(i + 3, '/')
        && toks.kind(i + 2) == Some(Kind::Number)
        && toks.kind(i + 4) == Some(Kind::Number)
        && (i + 1..=i + 4).all(|k| toks.touches_previous(k))
    {
        (
            vec![toks.text(i), toks.text(i + 2), toks.text(i + 4)],
            i + 5,
        )
    } else {
        return None;
    };
    let [a, b, c] = parts[..] else {
        return None;
    };
    let small = |p: &str| (1..=2).contains(&p.len());
    let num = |p: &str| p.parse::<u8>().ok();
    let date = if a.len() == 4 && b.len() == 2 && c.len() == 2 {
        valid(numeric_year(a)?, num(b)?, num(c)?)
    } else if small(a) && small(b) {
        let (first, second, year) = (num(a)?, num(b)?, numeric_year(c)?);
        if first > 12 {
            valid(year, second, first)
        } else {
            valid(year, first, second)
        }
    } else {
        None
    }?;
    Some((date, end))
}

/// The most recent `month` on or before `anchor` (for "In September" in an October report).
fn recent_month(anchor: Option<Date>, month: u8) -> Option<PartialDate> {
    let anchor = anchor?;
    let year = if month as i8 > anchor.month() {
        anchor.year() - 1
    } else {
        anchor.year()
    };
    Some(PartialDate {
        year,
        month: Some(month),
        day: None,
    })
}

fn exact(date: Date) -> PartialDate {
    PartialDate {
        year: date.year(),
        month: Some(date.month() as u8),
        day: Some(date.day() as u8),
    }
}

fn valid(year: i16, month: u8, day: u8) -> Option<PartialDate> {
    Date::new(year, month as i8, day as i8).ok().map(exact)
}

/// Every time expression in tokens `from..to`, resolved against `anchor` (the publication day).
pub fn find(toks: &Tokens, from: usize, to: usize, anchor: Option<Date>) -> Vec<TimeExpr> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        // Numbers, number words ("two days before") and the time words start expressions.
        let may_start = match toks.kind(i) {
            Some(Kind::Number) => true,
            Some(Kind::Word) => toks.may_start(i, TIME_WORD | super::numbers::NUMBER_WORD),
            _ => false,
        };
        if !may_start {
            i += 1;
            continue;
        }
        // Only a weekday on its own looks back for the clause's tense.
        let weekday = toks
            .lower(i)
            .is_some_and(|w| WEEKDAYS.iter().any(|(n, _)| *n == w));
        let future = weekday && ahead_of_the_report(toks, from, i);
        match expression_at(toks, i, to, anchor, future) {
            Some(mut expr) => {
                let before = |n: usize| i.checked_sub(n).filter(|&k| k >= from);
                expr.since = before(1).is_some_and(|k| toks.is(k, "since"))
                    || (before(2).is_some_and(|k| toks.is(k, "since"))
                        && before(1).is_some_and(|k| toks.is_any(k, &["late", "early", "mid"])));
                i = expr.end;
                found.push(expr);
            }
            None => i += 1,
        }
    }
    found
}

/// Words that put what follows them in their clause ahead of the report ("will be arraigned
/// Monday", "details are expected on Monday"): a weekday after them is the next one.
const FUTURE: &[&str] = &["will", "expected", "scheduled", "due", "planned"];

/// Words that open another clause: "will investigate the shooting that happened Saturday"
/// dates the shooting, not the investigation.
const CLAUSE: &[&str] = &[
    "that", "which", "who", "when", "after", "before", "since", "because", "where", "while",
];

/// True when token `i` stands in a clause a word of `FUTURE` puts ahead of the report.
fn ahead_of_the_report(toks: &Tokens, from: usize, i: usize) -> bool {
    for k in (from..i).rev() {
        if toks.is_any(k, FUTURE) {
            return true;
        }
        if toks.is_any(k, CLAUSE) || toks.is_punct(k, ',') || toks.is_punct(k, ';') {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests;
