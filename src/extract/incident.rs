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

use rustc_hash::FxHashMap;

use super::timex::TimeExpr;
use crate::model::{BACKGROUND, Corpus, DateSpan, Incident, PartialDate, Report};

/// The incident id for claims of a report that covers no incident of the file.
pub const UNASSIGNED: &str = "unassigned";

/// First and last day a partial date covers.
fn days(date: PartialDate) -> Option<(Date, Date)> {
    let first = date.first_day()?;
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

/// The incidents of a corpus indexed by id and by date, built once so that placing a date
/// costs a binary search, not a scan of every incident.
#[derive(Debug)]
pub struct Incidents<'c> {
    corpus: &'c Corpus,
    by_id: FxHashMap<&'c str, usize>,
    /// (first day, last day, index), sorted by first day.
    by_start: Vec<(Date, Date, usize)>,
    /// The longest span in days, bounding how far back a containing incident can start.
    longest: i32,
}

impl<'c> Incidents<'c> {
    /// Index the incidents of `corpus`.
    pub fn new(corpus: &'c Corpus) -> Self {
        let by_id = corpus
            .incidents
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        let mut by_start: Vec<(Date, Date, usize)> = corpus
            .incidents
            .iter()
            .enumerate()
            .filter_map(|(i, x)| x.stated_date().and_then(span_days).map(|(a, b)| (a, b, i)))
            .collect();
        by_start.sort();
        let longest = by_start
            .iter()
            .map(|(a, b, _)| (*b - *a).get_days())
            .max()
            .unwrap_or(0);
        Incidents {
            corpus,
            by_id,
            by_start,
            longest,
        }
    }

    fn get(&self, id: &str) -> Option<&'c Incident> {
        self.by_id.get(id).map(|&i| &self.corpus.incidents[i])
    }

    /// The first incident (in file order) whose span holds every day of `d`.
    fn containing(&self, d: (Date, Date)) -> Option<&'c Incident> {
        let end = self.by_start.partition_point(|(a, _, _)| *a <= d.0);
        let earliest =
            d.0.checked_sub(jiff::Span::new().days(self.longest))
                .unwrap_or(d.0);
        self.by_start[..end]
            .iter()
            .rev()
            .take_while(|(a, _, _)| *a >= earliest)
            .filter(|(a, b, _)| within(d, (*a, *b)))
            .map(|(_, _, i)| *i)
            .min()
            .map(|i| &self.corpus.incidents[i])
    }
}

/// A report's view of the incidents: its own (the first is its main incident) and the window
/// from the main incident to publication, within which dates are the reporting of it.
struct Scope<'c> {
    own: Vec<&'c Incident>,
    main_days: Option<(Date, Date)>,
    window: Option<(Date, Date)>,
    published: Option<Date>,
}

/// How long before publication an event of an undated incident may be: news reports what
/// happened in the last weeks, not the last years.
const RECENT_DAYS: i64 = 31;

impl<'c> Scope<'c> {
    fn new(report: &Report, incidents: &Incidents<'c>) -> Self {
        let own: Vec<&Incident> = report
            .incidents
            .iter()
            .filter_map(|id| incidents.get(id))
            .collect();
        let main_days = own
            .first()
            .and_then(|m| m.stated_date())
            .and_then(span_days);
        let published = report
            .published
            .value()
            .map(super::super::model::Published::date);
        let window =
            main_days.map(|(first, last)| (first, published.filter(|p| *p > last).unwrap_or(last)));
        Scope {
            own,
            main_days,
            window,
            published,
        }
    }

    /// True when `d` is the reporting of the main incident: inside the window from it to
    /// publication, or, for an incident of unknown date, in the weeks before publication
    /// (any day, when that is unknown too).
    fn reporting(&self, d: (Date, Date)) -> bool {
        match (self.window, self.main_days, self.published) {
            (Some(w), _, _) => within(d, w),
            (None, None, Some(p)) => p
                .checked_sub(jiff::Span::new().days(RECENT_DAYS))
                .is_ok_and(|start| within(d, (start, p))),
            (None, None, None) => true,
            (None, Some(_), _) => false,
        }
    }

    fn main(&self) -> Option<&'c Incident> {
        self.own.first().copied()
    }

    /// The incident whose span holds `d`: the report's own first, then any of the file.
    fn incident_at(&self, d: (Date, Date), incidents: &Incidents<'c>) -> Option<&'c Incident> {
        self.own
            .iter()
            .copied()
            .find(|i| {
                i.stated_date()
                    .and_then(span_days)
                    .is_some_and(|s| within(d, s))
            })
            .or_else(|| incidents.containing(d))
    }
}

/// The place of the report's main incident, when it has one.
pub fn main_place<'c>(report: &Report, incidents: &Incidents<'c>) -> Option<&'c str> {
    let main = report.incidents.first().and_then(|id| incidents.get(id))?;
    Some(main.place.as_str()).filter(|p| !p.is_empty())
}

/// The first day of the report's main incident, when it is dated to the day.
pub fn main_day(report: &Report, incidents: &Incidents) -> Option<Date> {
    let main = report.incidents.first().and_then(|id| incidents.get(id))?;
    main.stated_date()
        .filter(|d| d.start.day.is_some())
        .and_then(span_days)
        .map(|(first, _)| first)
}

/// The incident a single date points to, for a report: another incident of the file whose
/// span holds it, the main incident (also for dates in its reporting window), or background.
pub fn of_date(report: &Report, incidents: &Incidents, date: PartialDate) -> String {
    let scope = Scope::new(report, incidents);
    let Some(main) = scope.main() else {
        return UNASSIGNED.to_string();
    };
    let Some(d) = days(date) else {
        return main.id.clone();
    };
    if let Some(i) = scope.incident_at(d, incidents) {
        return i.id.clone();
    }
    if scope.reporting(d) {
        main.id.clone()
    } else {
        BACKGROUND.to_string()
    }
}

/// The incident of each sentence, given its time expressions and whether it has a background
/// cue.
pub fn assign(
    report: &Report,
    incidents: &Incidents,
    times: &[Vec<TimeExpr>],
    cues: &[bool],
) -> Vec<String> {
    let scope = Scope::new(report, incidents);
    let Some(main) = scope.main() else {
        return vec![UNASSIGNED.to_string(); times.len()];
    };
    let mut current = main.id.clone();
    let mut out = Vec::with_capacity(times.len());
    for (exprs, cue) in times.iter().zip(cues) {
        let mut verdict: Option<String> = None;
        // "a week after": the event it introduces is that far from the main incident.
        for expr in exprs {
            if let (Some(offset), Some((first, last))) = (expr.offset_days, scope.main_days)
                && let (Ok(a), Ok(b)) = (
                    first.checked_add(jiff::Span::new().days(offset)),
                    last.checked_add(jiff::Span::new().days(offset)),
                )
                && let Some(i) = scope.incident_at((a, b), incidents)
            {
                verdict = Some(i.id.clone());
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
                    let long_past = scope
                        .main_days
                        .is_some_and(|(first, _)| (first - d.1).get_days() > LONG_PAST_DAYS);
                    saw_background |= long_past;
                    continue;
                }
                match scope.incident_at(d, incidents) {
                    Some(i) if i.id == main.id => saw_main = true,
                    Some(i) => saw_other = saw_other.or(Some(i.id.clone())),
                    None if scope.reporting(d) => saw_main = true,
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
