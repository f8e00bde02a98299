//! How the article list is arranged: incidents and their reports in the order the analyst
//! chooses (date, outlet, incident title, review progress), narrowed by a filter
//! (`outlet:afp date:2017-10 incident:bahariya progress:todo` and words of the headline).
//! Arranging walks the corpus once and sorts (n log n); folding and moving then only walk
//! the arrangement, so a 10,000-report list stays instant.

use std::cmp::Ordering;

use super::model::Model;

/// The order of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// Incidents by date, reports by publication (as filed).
    #[default]
    Date,
    /// Reports by outlet (or wire), then date; incidents by date.
    Outlet,
    /// Incidents by title; reports by publication.
    Incident,
    /// Least reviewed first: incidents and reports by the share of their claims reviewed.
    Progress,
}

impl ListOrder {
    /// The next order, round the list.
    pub fn next(self) -> ListOrder {
        match self {
            ListOrder::Date => ListOrder::Outlet,
            ListOrder::Outlet => ListOrder::Incident,
            ListOrder::Incident => ListOrder::Progress,
            ListOrder::Progress => ListOrder::Date,
        }
    }

    /// Its name on screen.
    pub fn name(self) -> &'static str {
        match self {
            ListOrder::Date => "date",
            ListOrder::Outlet => "outlet",
            ListOrder::Incident => "incident",
            ListOrder::Progress => "review progress",
        }
    }
}

/// How far a report's (or incident's) review has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// No claim reviewed.
    Todo,
    /// Some claims reviewed.
    Partial,
    /// Every claim reviewed.
    Done,
}

impl Progress {
    fn of((done, all): (usize, usize)) -> Progress {
        if done == 0 && all > 0 {
            Progress::Todo
        } else if done < all {
            Progress::Partial
        } else {
            Progress::Done
        }
    }
}

/// The article list's filter, as typed and as parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilter {
    /// What was typed.
    pub text: String,
    outlets: Vec<String>,
    dates: Vec<String>,
    incidents: Vec<String>,
    progress: Vec<Progress>,
    words: Vec<String>,
}

impl ListFilter {
    /// Parse `outlet:afp date:2017-10 incident:bahariya progress:todo words`; terms of one
    /// field are alternatives, fields and words must all hold.
    pub fn parse(text: &str) -> Result<ListFilter, String> {
        let mut f = ListFilter {
            text: text.trim().to_string(),
            ..ListFilter::default()
        };
        for term in text.split_whitespace() {
            let lower = term.to_lowercase();
            match lower.split_once(':') {
                Some(("outlet" | "o", v)) => f.outlets.push(v.to_string()),
                Some(("date" | "d", v)) => f.dates.push(v.to_string()),
                Some(("incident" | "i", v)) => f.incidents.push(v.to_string()),
                Some(("progress" | "p", v)) => f.progress.push(match v {
                    "todo" | "none" => Progress::Todo,
                    "partial" | "started" => Progress::Partial,
                    "done" | "all" => Progress::Done,
                    _ => return Err(format!("progress:{v}? use todo, partial or done")),
                }),
                Some((field, _)) if !field.is_empty() => {
                    return Err(format!(
                        "{field}: is not a field; use outlet:, date:, incident:, progress:"
                    ));
                }
                _ => f.words.push(lower),
            }
        }
        Ok(f)
    }
}

/// (group, its reports) in the order and under the filter chosen. Groups with no report left
/// are left out, but for an incident the filter names by title.
pub fn arrange(
    model: &Model,
    order: ListOrder,
    filter: Option<&ListFilter>,
) -> Vec<(usize, Vec<usize>)> {
    let doc = &model.doc;
    let corpus = &doc.corpus;
    let reviewed = |r: usize| model.notes.reviewed.get(r).copied().unwrap_or_default();
    let share = |(done, all): (usize, usize)| {
        if all == 0 {
            1.0
        } else {
            done as f64 / all as f64
        }
    };
    let outlet = |r: usize| {
        let report = &corpus.reports[r];
        report
            .outlet
            .value()
            .or(report.wire.value())
            .map(|o| o.to_lowercase())
            .unwrap_or_default()
    };
    let title = |g: usize| {
        doc.index.groups[g]
            .incident
            .map(|i| corpus.incidents[i].title.to_lowercase())
            .unwrap_or_default()
    };
    let keeps = |g: usize, r: usize| {
        let Some(f) = filter else { return true };
        let report = &corpus.reports[r];
        let any = |terms: &[String], field: &str| {
            terms.is_empty() || terms.iter().any(|t| field.contains(t.as_str()))
        };
        let date = report
            .published
            .value()
            .map(|p| p.date().to_string())
            .unwrap_or_default();
        let headline = report
            .headline
            .value()
            .map(|h| h.to_lowercase())
            .unwrap_or_default();
        any(&f.outlets, &outlet(r))
            && any(&f.dates, &date)
            && any(&f.incidents, &title(g))
            && (f.progress.is_empty() || f.progress.contains(&Progress::of(reviewed(r))))
            && f.words
                .iter()
                .all(|w| headline.contains(w.as_str()) || report.id.contains(w.as_str()))
    };
    let mut groups: Vec<(usize, Vec<usize>)> = doc
        .index
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let mut reports: Vec<usize> = group
                .reports
                .iter()
                .copied()
                .filter(|&r| keeps(g, r))
                .collect();
            match order {
                ListOrder::Outlet => reports.sort_by_cached_key(|&r| outlet(r)),
                ListOrder::Progress => reports.sort_by(|&a, &b| {
                    share(reviewed(a))
                        .partial_cmp(&share(reviewed(b)))
                        .unwrap_or(Ordering::Equal)
                }),
                ListOrder::Date | ListOrder::Incident => {}
            }
            (g, reports)
        })
        .filter(|(_, reports)| !reports.is_empty())
        .collect();
    match order {
        ListOrder::Incident => groups.sort_by_cached_key(|(g, _)| title(*g)),
        ListOrder::Progress => groups.sort_by(|(a, _), (b, _)| {
            share(model.group_sum(*a))
                .partial_cmp(&share(model.group_sum(*b)))
                .unwrap_or(Ordering::Equal)
        }),
        ListOrder::Date | ListOrder::Outlet => {}
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_fields_and_words_and_refuse_unknown_fields() {
        let f = ListFilter::parse("outlet:AFP date:2017-10 p:todo Police").unwrap();
        assert_eq!(f.outlets, ["afp"]);
        assert_eq!(f.dates, ["2017-10"]);
        assert_eq!(f.progress, [Progress::Todo]);
        assert_eq!(f.words, ["police"]);
        assert!(
            ListFilter::parse("colour:red")
                .unwrap_err()
                .contains("colour: is not a field")
        );
        assert!(ListFilter::parse("progress:most").is_err());
    }

    #[test]
    fn progress_counts_an_empty_report_as_done() {
        assert_eq!(Progress::of((0, 5)), Progress::Todo);
        assert_eq!(Progress::of((2, 5)), Progress::Partial);
        assert_eq!(Progress::of((5, 5)), Progress::Done);
        assert_eq!(Progress::of((0, 0)), Progress::Done);
    }

    #[test]
    fn orders_cycle_through_all_four() {
        let mut o = ListOrder::default();
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(o.name());
            o = o.next();
        }
        assert_eq!(o, ListOrder::Date);
        assert_eq!(seen, ["date", "outlet", "incident", "review progress"]);
    }
}
