//! One time expression at a token: a calendar date, a weekday, a deictic word ("yesterday",
//! "last night"), an offset ("two days before") or a bare year.

use jiff::civil::Date;

use super::{
    TimeExpr, WEEKDAYS, after_ordinal, day, exact, month_at, number, numeric_date, recent_month,
    valid, year_at,
};
use crate::extract::tokens::Tokens;
use crate::model::PartialDate;

/// Where an expression starts and how far it may run: makes the [`TimeExpr`] found.
#[derive(Clone, Copy)]
struct At {
    i: usize,
    to: usize,
}

impl At {
    fn expr(self, end: usize, date: Option<PartialDate>) -> TimeExpr {
        TimeExpr {
            start: self.i,
            end: end.min(self.to),
            date,
            since: false,
            offset_days: None,
        }
    }
}

pub(super) fn expression_at(
    toks: &Tokens,
    i: usize,
    to: usize,
    anchor: Option<Date>,
    future: bool,
) -> Option<TimeExpr> {
    let at = At { i, to };
    let word = toks.lower(i)?;
    calendar_date(toks, at, anchor)
        .or_else(|| weekday(toks, at, word, anchor, future))
        .or_else(|| deictic(toks, at, word, anchor))
        .or_else(|| relative(toks, at, anchor))
        .or_else(|| {
            // A year on its own: "in 2013", "the army's 2013 toppling".
            year_at(toks, i).map(|year| {
                let date = PartialDate {
                    year,
                    month: None,
                    day: None,
                };
                at.expr(i + 1, Some(date))
            })
        })
}

/// "October 20[, 2017]", "October 2017", "October", "20/10/2017", "20th of October [2017]".
fn calendar_date(toks: &Tokens, at: At, anchor: Option<Date>) -> Option<TimeExpr> {
    let (i, expr) = (at.i, |end, date| at.expr(end, date));
    // MONTH day[, year] | MONTH year | MONTH
    if let Some((month, j)) = month_at(toks, i) {
        if let Some(d) = number(toks, j)
            .and_then(day)
            .filter(|_| toks.text(j).len() <= 2)
        {
            let after = after_ordinal(toks, j);
            let k = if toks.is_punct(after, ',') {
                after + 1
            } else {
                after
            };
            if let Some(year) = year_at(toks, k) {
                return Some(expr(k + 1, valid(year, month, d)));
            }
            // The year of the latest such month on or before the report.
            let date = recent_month(anchor, month).and_then(|m| valid(m.year, month, d));
            return Some(expr(after, date));
        }
        if let Some(year) = year_at(toks, j) {
            return Some(expr(
                j + 1,
                Some(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                }),
            ));
        }
        return Some(expr(j, recent_month(anchor, month)));
    }
    if let Some((date, end)) = numeric_date(toks, i) {
        return Some(expr(end, Some(date)));
    }
    // day[th] [of] MONTH [year]
    let after = after_ordinal(toks, i);
    let month_from = if after > i + 1 && toks.is(after, "of") {
        after + 1
    } else {
        after
    };
    if let Some(d) = number(toks, i)
        .and_then(day)
        .filter(|_| toks.text(i).len() <= 2)
        && let Some((month, j)) = month_at(toks, month_from)
    {
        if let Some(year) = year_at(toks, j) {
            return Some(expr(j + 1, valid(year, month, d)));
        }
        let date = recent_month(anchor, month).and_then(|m| valid(m.year, month, d));
        return Some(expr(j, date));
    }
    None
}

/// "[last|this|next] Friday", unless a full date follows ("Thursday, October 26, 2017").
fn weekday(
    toks: &Tokens,
    at: At,
    word: &str,
    anchor: Option<Date>,
    future: bool,
) -> Option<TimeExpr> {
    let (i, to, expr) = (at.i, at.to, |end, date| at.expr(end, date));
    let (shift, w) = match word {
        "last" => (-1, i + 1),
        "next" => (1, i + 1),
        "this" => (0, i + 1),
        _ => (0, i),
    };
    if let Some((_, weekday)) = toks
        .lower(w)
        .and_then(|x| WEEKDAYS.iter().find(|(n, _)| *n == x))
    {
        let k = if toks.is_punct(w + 1, ',') {
            w + 2
        } else {
            w + 1
        };
        if (month_at(toks, k).is_some() || numeric_date(toks, k).is_some())
            && let Some(mut full) = expression_at(toks, k, to, anchor, future)
        {
            full.start = i;
            return Some(full);
        }
        let date = anchor.and_then(|a| {
            let d = match shift {
                -1 => a.nth_weekday(-1, *weekday).ok()?,
                1 => a.nth_weekday(1, *weekday).ok()?,
                _ if a.weekday() == *weekday => a,
                _ if future => a.nth_weekday(1, *weekday).ok()?,
                _ => a.nth_weekday(-1, *weekday).ok()?,
            };
            Some(exact(d))
        });
        return Some(expr(w + 1, date));
    }
    None
}

/// "yesterday", "today", "last night", "this morning", "last month", "last year".
fn deictic(toks: &Tokens, at: At, word: &str, anchor: Option<Date>) -> Option<TimeExpr> {
    let (i, expr) = (at.i, |end, date| at.expr(end, date));
    match word {
        "yesterday" => {
            return Some(expr(
                i + 1,
                anchor.and_then(|a| a.yesterday().ok()).map(exact),
            ));
        }
        "today" | "tonight" => return Some(expr(i + 1, anchor.map(exact))),
        // "last night" is the evening before the report; "this morning" its own day.
        "last" if toks.is(i + 1, "night") => {
            return Some(expr(
                i + 2,
                anchor.and_then(|a| a.yesterday().ok()).map(exact),
            ));
        }
        "this" if toks.is_any(i + 1, &["morning", "afternoon", "evening"]) => {
            return Some(expr(i + 2, anchor.map(exact)));
        }
        "last" if toks.is(i + 1, "month") => {
            let date = anchor.and_then(|a| a.first_of_month().yesterday().ok());
            return Some(expr(
                i + 2,
                date.map(|d| PartialDate {
                    year: d.year(),
                    month: Some(d.month() as u8),
                    day: None,
                }),
            ));
        }
        "last" if toks.is(i + 1, "year") => {
            return Some(expr(
                i + 2,
                anchor.map(|a| PartialDate {
                    year: a.year() - 1,
                    month: None,
                    day: None,
                }),
            ));
        }
        _ => {}
    }
    None
}

/// "a week after", "two days before", "N years ago".
fn relative(toks: &Tokens, at: At, anchor: Option<Date>) -> Option<TimeExpr> {
    let (i, expr) = (at.i, |end, date| at.expr(end, date));
    let (n, j) = if toks.is_any(i, &["a", "an"]) {
        (Some(1), i + 1)
    } else {
        match crate::extract::numbers::number_at(toks, i) {
            Some((n, None, j)) => (Some(n as i64), j),
            _ => (None, i),
        }
    };
    if let Some(n) = n {
        let unit_days = match toks.lower(j) {
            Some("day" | "days") => Some(1),
            Some("week" | "weeks") => Some(7),
            _ => None,
        };
        if let Some(unit) = unit_days
            && toks.is_any(j + 1, &["after", "before", "earlier", "later"])
        {
            let sign = if toks.is_any(j + 1, &["after", "later"]) {
                -1
            } else {
                1
            };
            let mut e = expr(j + 2, None);
            e.offset_days = Some(sign * n * unit);
            return Some(e);
        }
        if toks.is_any(j, &["years", "year"]) && toks.is(j + 1, "ago") {
            return Some(expr(
                j + 2,
                anchor.map(|a| PartialDate {
                    year: a.year() - n as i16,
                    month: None,
                    day: None,
                }),
            ));
        }
    }
    None
}
