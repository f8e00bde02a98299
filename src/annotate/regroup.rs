//! The analyst's grouping of reports into incidents: moving a report to another incident,
//! adding it to a second, merging two incidents, splitting reports off into a new one, and
//! editing an incident's title, date and place.
//!
//! Each is a set of journal changes (`Target::Membership`, `Target::Incident`), kept as
//! durably as any annotation and undone the same way; the data file is never rewritten. What
//! the analyst decided is laid over the data file when it is opened ([`regrouped`]), so
//! extraction, comparison, the TUI and every command see the incidents as the analyst left
//! them.

use serde::{Deserialize, Serialize};

use super::state::{Annotations, Target, Value};
use crate::model::{Corpus, Incident};

/// An incident as the analyst left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentEdit {
    /// Made or edited: its whole record.
    Set(Box<Incident>),
    /// Merged into another, or emptied: gone.
    Removed,
}

impl IncidentEdit {
    /// The edit in words, for the audit log.
    pub fn describe(&self) -> String {
        match self {
            IncidentEdit::Set(i) => format!("{:?} ({}, {})", i.title, i.date_text(), i.place),
            IncidentEdit::Removed => "removed".to_string(),
        }
    }
}

/// The analyst's grouping as the journal holds it: the incidents of reports moved, by report
/// id, and incidents made, edited or removed, by id.
pub type Grouping = (
    std::collections::BTreeMap<String, Vec<String>>,
    std::collections::BTreeMap<String, IncidentEdit>,
);

/// Why a regrouping cannot be done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegroupError {
    /// No report has this id.
    #[error("no report {0:?} in this file")]
    NoReport(String),
    /// No incident has this id.
    #[error("no incident {0:?} in this file")]
    NoIncident(String),
    /// The change would change nothing.
    #[error("{0}")]
    Nothing(String),
}

/// `corpus` with the analyst's grouping laid over it: incidents made, edited and removed,
/// and reports under the incidents the analyst chose. References to incidents that are gone
/// are dropped; a report left with none is unassigned, as in the data file.
pub fn regrouped(mut corpus: Corpus, annotations: &Annotations) -> Corpus {
    if annotations.incidents.is_empty() && annotations.memberships.is_empty() {
        return corpus;
    }
    for (id, edit) in &annotations.incidents {
        let at = corpus.incidents.iter().position(|i| &i.id == id);
        match (edit, at) {
            (IncidentEdit::Set(record), Some(k)) => corpus.incidents[k] = (**record).clone(),
            (IncidentEdit::Set(record), None) => corpus.incidents.push((**record).clone()),
            (IncidentEdit::Removed, Some(k)) => {
                corpus.incidents.remove(k);
            }
            (IncidentEdit::Removed, None) => {}
        }
    }
    let exists: rustc_hash::FxHashSet<String> =
        corpus.incidents.iter().map(|i| i.id.clone()).collect();
    for report in &mut corpus.reports {
        if let Some(ids) = annotations.memberships.get(&report.id) {
            report.incidents = ids.clone();
        }
        report.incidents.retain(|i| exists.contains(i));
    }
    corpus
}

/// `report` put under `ids`, main first.
fn membership(report: &str, ids: Vec<String>) -> (Target, Value) {
    (
        Target::Membership(report.to_string()),
        Value::Membership(Some(ids)),
    )
}

fn report_incidents<'c>(corpus: &'c Corpus, report: &str) -> Result<&'c [String], RegroupError> {
    corpus
        .report(report)
        .map(|r| r.incidents.as_slice())
        .ok_or_else(|| RegroupError::NoReport(report.to_string()))
}

fn incident<'c>(corpus: &'c Corpus, id: &str) -> Result<&'c Incident, RegroupError> {
    corpus
        .incident(id)
        .ok_or_else(|| RegroupError::NoIncident(id.to_string()))
}

/// Move `report` (of `corpus`, as regrouped) from its main incident to `to`; the other
/// incidents it covers stay.
pub fn move_report(
    corpus: &Corpus,
    report: &str,
    to: &str,
) -> Result<Vec<(Target, Value)>, RegroupError> {
    let now = report_incidents(corpus, report)?;
    incident(corpus, to)?;
    if now.first().map(String::as_str) == Some(to) {
        return Err(RegroupError::Nothing(format!(
            "{report} is already under {to}"
        )));
    }
    let mut ids = vec![to.to_string()];
    ids.extend(now.iter().skip(1).filter(|i| *i != to).cloned());
    Ok(vec![membership(report, ids)])
}

/// Add `report` to incident `to` as well (a report covering two events).
pub fn add_report(
    corpus: &Corpus,
    report: &str,
    to: &str,
) -> Result<Vec<(Target, Value)>, RegroupError> {
    let now = report_incidents(corpus, report)?;
    incident(corpus, to)?;
    if now.iter().any(|i| i == to) {
        return Err(RegroupError::Nothing(format!(
            "{report} already covers {to}"
        )));
    }
    let mut ids = now.to_vec();
    ids.push(to.to_string());
    Ok(vec![membership(report, ids)])
}

/// Merge incident `from` into `into`: every report of `from` covers `into` instead, and
/// `from` is gone.
pub fn merge(
    corpus: &Corpus,
    from: &str,
    into: &str,
) -> Result<Vec<(Target, Value)>, RegroupError> {
    incident(corpus, from)?;
    incident(corpus, into)?;
    if from == into {
        return Err(RegroupError::Nothing(format!("{from} is {into}")));
    }
    let mut sets: Vec<(Target, Value)> = corpus
        .reports
        .iter()
        .filter(|r| r.incidents.iter().any(|i| i == from))
        .map(|r| {
            let mut ids: Vec<String> = Vec::new();
            for i in &r.incidents {
                let i = if i == from { into } else { i.as_str() };
                if !ids.iter().any(|x| x == i) {
                    ids.push(i.to_string());
                }
            }
            membership(&r.id, ids)
        })
        .collect();
    sets.push((
        Target::Incident(from.to_string()),
        Value::Incident(Some(IncidentEdit::Removed)),
    ));
    Ok(sets)
}

/// Split `reports` off into a new incident titled `title`, with the date and place of the
/// incident they leave (the analyst edits them after); returns the changes and the new id.
pub fn split(
    corpus: &Corpus,
    reports: &[String],
    title: &str,
) -> Result<(Vec<(Target, Value)>, String), RegroupError> {
    let first = reports
        .first()
        .ok_or_else(|| RegroupError::Nothing("no report to split off".to_string()))?;
    let left = report_incidents(corpus, first)?
        .first()
        .and_then(|id| corpus.incident(id));
    let base = crate::text::slug(title, 6);
    let id = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|c| corpus.incident(c).is_none())
        .expect("some suffix is free");
    let record = Incident {
        id: id.clone(),
        title: title.to_string(),
        date: left.and_then(|i| i.date),
        date_inferred: left.and_then(|i| i.date_inferred.clone()),
        place: left.map(|i| i.place.clone()).unwrap_or_default(),
        summary: String::new(),
    };
    let mut sets = vec![(
        Target::Incident(id.clone()),
        Value::Incident(Some(IncidentEdit::Set(Box::new(record)))),
    )];
    for report in reports {
        let now = report_incidents(corpus, report)?;
        let mut ids = vec![id.clone()];
        ids.extend(now.iter().skip(1).cloned());
        sets.push(membership(report, ids));
    }
    Ok((sets, id))
}

/// Set incident `id`'s record to `record` (its title, date, place or summary edited).
pub fn edit(
    corpus: &Corpus,
    id: &str,
    record: Incident,
) -> Result<Vec<(Target, Value)>, RegroupError> {
    let now = incident(corpus, id)?;
    if *now == record {
        return Err(RegroupError::Nothing(format!("{id} is unchanged")));
    }
    Ok(vec![(
        Target::Incident(id.to_string()),
        Value::Incident(Some(IncidentEdit::Set(Box::new(record)))),
    )])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::state::Change;

    fn corpus() -> Corpus {
        crate::store::parse(crate::sample::TEXT.as_bytes(), "s.ron".as_ref()).unwrap()
    }

    fn applied(corpus: &Corpus, sets: Vec<(Target, Value)>) -> (Annotations, Vec<Change>) {
        let mut a = Annotations::default();
        let changes: Vec<Change> = sets.into_iter().map(|(t, v)| a.change(t, v)).collect();
        for c in &changes {
            a.apply(c);
        }
        let _ = corpus;
        (a, changes)
    }

    #[test]
    fn merging_moves_every_report_and_undoing_restores_the_file() {
        let c = corpus();
        let (from, into) = (c.incidents[1].id.clone(), c.incidents[0].id.clone());
        let (mut a, changes) = applied(&c, merge(&c, &from, &into).unwrap());
        let after = regrouped(c.clone(), &a);
        assert!(after.incident(&from).is_none());
        assert!(after.reports.iter().all(|r| !r.incidents.contains(&from)));
        assert!(
            after
                .reports
                .iter()
                .filter(|r| c.report(&r.id).unwrap().incidents.contains(&from))
                .all(|r| r.incidents.contains(&into))
        );
        for change in changes.iter().rev() {
            a.apply(&change.inverted());
        }
        assert_eq!(regrouped(c.clone(), &a), c);
    }

    #[test]
    fn moving_splitting_and_editing() {
        let c = corpus();
        let report = c.reports[0].id.clone();
        let to = c.incidents[1].id.clone();
        let (a, _) = applied(&c, move_report(&c, &report, &to).unwrap());
        let moved = regrouped(c.clone(), &a);
        assert_eq!(moved.report(&report).unwrap().incidents[0], to);
        assert!(matches!(
            move_report(&moved, &report, &to),
            Err(RegroupError::Nothing(_))
        ));
        assert!(matches!(
            move_report(&c, "nope", &to),
            Err(RegroupError::NoReport(_))
        ));

        let (sets, id) = split(&c, std::slice::from_ref(&report), "Second ambush").unwrap();
        let (a, _) = applied(&c, sets);
        let split_off = regrouped(c.clone(), &a);
        assert_eq!(id, "second-ambush");
        assert_eq!(split_off.report(&report).unwrap().incidents[0], id);
        assert_eq!(split_off.incident(&id).unwrap().title, "Second ambush");

        let mut record = c.incidents[0].clone();
        record.title = "Renamed".into();
        let (a, _) = applied(&c, edit(&c, &record.id.clone(), record).unwrap());
        assert_eq!(regrouped(c.clone(), &a).incidents[0].title, "Renamed");
    }
}
