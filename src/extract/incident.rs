//! Which incident each sentence of a report is about: the report's main incident, another
//! incident of the data file, or background (an earlier event mentioned for context).
//!
//! Dates decide first: a date inside an incident's span points to that incident; a date
//! between the main incident and the publication day is the reporting of it ("On Saturday, at
//! the entrance to the area where the clash took place the day before"); any other date is
//! background. "A week after" points a week before the main incident. "Since" dates are
//! durations, not events, unless long past. Without a date, a background cue ("last month",
//! "in recent months") marks background, and otherwise a sentence continues the incident of
//! the sentence before it — news paragraphs are often one sentence long, so this crosses
//! paragraphs.

use jiff::civil::Date;

use super::timex::TimeExpr;
use crate::model::{BACKGROUND, Corpus, DateSpan, PartialDate, Report};

/// The incident id for claims of a report that covers no incident of the file.
pub const UNASSIGNED: &str = "unassigned";

/// First and last day a partial date covers.
fn days(date: PartialDate) -> Option<(Date, Date)> {
    let first = Date::new(
        date.year,
        date.month.unwrap_or(1) as i8,
        date.day.unwrap_or(1) as i8,
    )
    .ok()?;
    let last = match (date.month, date.day) {
        (Some(_), Some(_)) => first,
        (Some(_), None) => first.last_of_month(),
        _ => Date::new(date.year, 12, 31).ok()?,
    };
    Some((first, last))
}

fn span_days(span: DateSpan) -> Option<(Date, Date)> {
    let (first, last) = days(span.start)?;
    let last = match span.end {
        Some(end) => days(end)?.1,
        None => last,
    };
    Some((first, last))
}

/// True when every day of `inner` lies in `outer`.
fn within(inner: (Date, Date), outer: (Date, Date)) -> bool {
    inner.0 >= outer.0 && inner.1 <= outer.1
}

/// How long before the main incident a "since" date must be to mark background (a duration
/// that long is the history, not the event: "Hasm has claimed since 2016 several attacks").
const LONG_PAST_DAYS: i32 = 180;

/// The incident a single date points to, for a report: another incident of the file whose
/// span holds it, the main incident (also for dates in its reporting window), or background.
pub fn of_date(report: &Report, corpus: &Corpus, date: PartialDate) -> String {
    let own: Vec<&crate::model::Incident> = report
        .incidents
        .iter()
        .filter_map(|id| corpus.incident(id))
        .collect();
    let Some(main) = own.first() else {
        return UNASSIGNED.to_string();
    };
    let Some(d) = days(date) else {
        return main.id.clone();
    };
    if let Some(i) = own
        .iter()
        .copied()
        .chain(corpus.incidents.iter())
        .find(|i| span_days(i.date).is_some_and(|s| within(d, s)))
    {
        return i.id.clone();
    }
    let published = report.published.value().map(|p| p.date());
    let window = span_days(main.date)
        .map(|(first, last)| (first, published.filter(|p| *p > last).unwrap_or(last)));
    if window.is_some_and(|w| within(d, w)) {
        main.id.clone()
    } else {
        BACKGROUND.to_string()
    }
}

/// The incident of each sentence, given its time expressions and whether it has a background
/// cue.
pub fn assign(
    report: &Report,
    corpus: &Corpus,
    times: &[Vec<TimeExpr>],
    cues: &[bool],
) -> Vec<String> {
    let own: Vec<&crate::model::Incident> = report
        .incidents
        .iter()
        .filter_map(|id| corpus.incident(id))
        .collect();
    let Some(main) = own.first() else {
        return vec![UNASSIGNED.to_string(); times.len()];
    };
    let main_days = span_days(main.date);
    let published = report.published.value().map(|p| p.date());
    // The reporting window: from the main incident to publication.
    let window =
        main_days.map(|(first, last)| (first, published.filter(|p| *p > last).unwrap_or(last)));
    let incident_at = |d: (Date, Date)| -> Option<String> {
        // Prefer the report's own incidents, then any of the file.
        own.iter()
            .copied()
            .chain(corpus.incidents.iter())
            .find(|i| span_days(i.date).is_some_and(|s| within(d, s)))
            .map(|i| i.id.clone())
    };

    let mut current = main.id.clone();
    let mut out = Vec::with_capacity(times.len());
    for (exprs, cue) in times.iter().zip(cues) {
        let mut verdict: Option<String> = None;
        // "a week after": the event it introduces is that far from the main incident.
        for expr in exprs {
            if let (Some(offset), Some((first, last))) = (expr.offset_days, main_days)
                && let (Ok(a), Ok(b)) = (
                    first.checked_add(jiff::Span::new().days(offset)),
                    last.checked_add(jiff::Span::new().days(offset)),
                )
                && let Some(id) = incident_at((a, b))
            {
                verdict = Some(id);
            }
        }
        if verdict.is_none() {
            let mut saw_main = false;
            let mut saw_other = None;
            let mut saw_background = false;
            for expr in exprs {
                let Some(d) = expr.date.and_then(days) else {
                    continue;
                };
                if expr.since {
                    let long_past = main_days
                        .is_some_and(|(first, _)| (first - d.1).get_days() > LONG_PAST_DAYS);
                    saw_background |= long_past;
                    continue;
                }
                match incident_at(d) {
                    Some(id) if id == main.id => saw_main = true,
                    Some(id) => saw_other = saw_other.or(Some(id)),
                    None if window.is_some_and(|w| within(d, w)) => saw_main = true,
                    None => saw_background = true,
                }
            }
            verdict = if saw_main {
                Some(main.id.clone())
            } else if let Some(id) = saw_other {
                Some(id)
            } else if saw_background || *cue {
                Some(BACKGROUND.to_string())
            } else {
                None
            };
        }
        if let Some(v) = verdict {
            current = v;
        }
        out.push(current.clone());
    }
    out
}
