//! The articles grouped by incident, as the article list pane and `crosscheck list` show them.
//!
//! A report covering two incidents is listed under both; reports naming no incident are
//! gathered in a last group. Built once per corpus (O(n log n)); panes only read it.

use std::collections::HashMap;

use crate::model::Corpus;

/// One group of the list: an incident (or none) and the reports covering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Index into `corpus.incidents`; `None` for reports assigned to no incident.
    pub incident: Option<usize>,
    /// Indices into `corpus.reports`, earliest published first.
    pub reports: Vec<usize>,
}

/// The whole grouped list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleIndex {
    /// Incidents in date order, then the unassigned group if it has any report.
    pub groups: Vec<Group>,
}

impl ArticleIndex {
    /// Group the reports of `corpus` by the incidents they cover.
    pub fn build(corpus: &Corpus) -> Self {
        let by_id: HashMap<&str, usize> = corpus
            .incidents
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.as_str(), i))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); corpus.incidents.len()];
        let mut unassigned = Vec::new();
        for (r, report) in corpus.reports.iter().enumerate() {
            let mut placed = false;
            for id in &report.incidents {
                if let Some(&i) = by_id.get(id.as_str())
                    && !members[i].contains(&r)
                {
                    members[i].push(r);
                    placed = true;
                }
            }
            if !placed {
                unassigned.push(r);
            }
        }
        let report_order = |a: &usize, b: &usize| {
            let key = |r: usize| {
                let when = corpus.reports[r]
                    .published
                    .value()
                    .map(super::model::Published::sort_key);
                // Reports with no known date go last.
                (when.is_none(), when, r)
            };
            key(*a).cmp(&key(*b))
        };
        let mut order: Vec<usize> = (0..corpus.incidents.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&corpus.incidents[a], &corpus.incidents[b]);
            (x.date.is_none(), x.date, &x.title, a).cmp(&(y.date.is_none(), y.date, &y.title, b))
        });
        let mut groups: Vec<Group> = order
            .into_iter()
            .map(|i| {
                let mut reports = std::mem::take(&mut members[i]);
                reports.sort_by(report_order);
                Group {
                    incident: Some(i),
                    reports,
                }
            })
            .collect();
        if !unassigned.is_empty() {
            unassigned.sort_by(report_order);
            groups.push(Group {
                incident: None,
                reports: unassigned,
            });
        }
        ArticleIndex { groups }
    }

    /// Number of rows in the list (a report under two incidents counts twice).
    pub fn listed(&self) -> usize {
        self.groups.iter().map(|g| g.reports.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Incident, Report};

    fn report(id: &str, published: &str, incidents: &[&str]) -> Report {
        Report {
            id: id.into(),
            headline: Field::Unknown,
            outlet: Field::Unknown,
            wire: Field::Unknown,
            byline: Field::Unknown,
            dateline: Field::Unknown,
            published: if published.is_empty() {
                Field::Unknown
            } else {
                Field::Stated(published.parse().unwrap())
            },
            language: Field::Unknown,
            url: None,
            provenance: None,
            incidents: incidents
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            body: "text".into(),
        }
    }

    fn incident(id: &str, date: &str) -> Incident {
        Incident {
            id: id.into(),
            title: id.into(),
            date: Some(date.parse().unwrap()),
            date_inferred: None,
            place: String::new(),
            summary: String::new(),
        }
    }

    #[test]
    fn groups_by_incident_in_date_order_and_lists_shared_reports_twice() {
        let corpus = Corpus {
            version: 1,
            incidents: vec![
                incident("later", "2017-10-27"),
                incident("earlier", "2017-10-20"),
            ],
            reports: vec![
                report("b", "2017-10-22", &["earlier"]),
                report("a", "2017-10-21", &["earlier", "later"]),
                report("undated", "", &["earlier"]),
                report("loose", "2017-10-01", &[]),
            ],
        };
        let index = ArticleIndex::build(&corpus);
        let summary: Vec<(Option<usize>, Vec<usize>)> = index
            .groups
            .iter()
            .map(|g| (g.incident, g.reports.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (Some(1), vec![1, 0, 2]),
                (Some(0), vec![1]),
                (None, vec![3])
            ]
        );
        assert_eq!(index.listed(), 5);
    }
}
