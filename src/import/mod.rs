//! Importing articles into a data file: plain text and Markdown, saved HTML pages (main text
//! found by a readability parser), and JSON Lines (one article a line).
//!
//! Each imported report keeps its text verbatim and its provenance (the path or URL it came
//! from and a hash of its text), so the same article is never imported twice. Its dateline and
//! wire agency are read from the text; metadata the text does not state is left unknown or
//! marked as inferred. It is attached to an existing incident when its lead clearly names the
//! same place (and no date contradicts it), or a new incident is created; a later paragraph
//! that counts casualties at another incident's place adds that incident too.

mod lead;
mod masthead;
mod read;
mod records;

pub use masthead::dateline;
pub use read::{Article, FileKind, ReadError, collect_files, read_all, read_file, text_hash};

use crate::extract::Extractor;
use crate::extract::incident::Incidents;
use crate::model::{Corpus, DateSpan};

use lead::{NAME_WEIGHT, dates_conflict, lead_of, overlap, place_words, with_dateline};
use records::{new_incident, new_report};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Reports added: (report id, source, incidents it was put under, how).
    pub added: Vec<(String, String, Vec<String>, String)>,
    /// Articles skipped as already there: (source, id of the report that has the text).
    pub duplicates: Vec<(String, String)>,
    /// Incidents created.
    pub created: Vec<String>,
}

/// Add `articles` to `corpus`.
pub fn import(corpus: &mut Corpus, articles: Vec<Article>, extractor: &Extractor) -> Summary {
    let mut summary = Summary::default();
    let mut known: Vec<(String, String)> = corpus
        .reports
        .iter()
        .map(|r| {
            (
                r.provenance
                    .as_ref()
                    .and_then(|p| p.text_hash.clone())
                    .unwrap_or_else(|| text_hash(&r.body)),
                r.id.clone(),
            )
        })
        .collect();
    // The place words of each incident: its own place and the leads of its reports.
    let mut incident_words: Vec<Vec<String>> = corpus
        .incidents
        .iter()
        .map(|i| place_words(&i.place))
        .collect();
    let mut incident_names: Vec<Vec<String>> = vec![Vec::new(); corpus.incidents.len()];
    let index = Incidents::new(corpus);
    for report in &corpus.reports {
        let lead = with_dateline(
            lead_of(&extractor.report_in(report, &index), &report.body),
            report,
        );
        for id in &report.incidents {
            if let Some(i) = corpus.incidents.iter().position(|x| &x.id == id) {
                incident_words[i].extend(lead.place_words.iter().cloned());
                incident_names[i].extend(lead.names.iter().cloned());
            }
        }
    }

    for article in articles {
        let hash = text_hash(&article.body);
        if let Some((_, id)) = known.iter().find(|(h, _)| *h == hash) {
            summary
                .duplicates
                .push((article.source.clone(), id.clone()));
            continue;
        }
        let mut report = new_report(&article, &hash, extractor.lexicon(), corpus);
        let claims = extractor.report(&report, corpus);
        let lead = with_dateline(lead_of(&claims, &report.body), &report);

        let mut scored: Vec<(usize, usize)> = corpus
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, inc)| !dates_conflict(inc.date, lead.date))
            .map(|(i, _)| {
                let names = lead
                    .names
                    .iter()
                    .filter(|n| incident_names[i].contains(n))
                    .count();
                (
                    overlap(&lead.place_words, &incident_words[i]) + NAME_WEIGHT * names,
                    i,
                )
            })
            .filter(|(score, _)| *score > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let clear = match scored.as_slice() {
            [] => None,
            [(_, i)] => Some(*i),
            [(a, i), (b, _), ..] => (a > b).then_some(*i),
        };
        let how;
        let main = match clear {
            Some(i) => {
                let shared: Vec<&String> = lead
                    .names
                    .iter()
                    .filter(|n| incident_names[i].contains(n))
                    .collect();
                how = if shared.is_empty() {
                    format!("attached: its lead names {}", lead.places.join(", "))
                } else {
                    format!(
                        "attached: it names the same person ({}){}",
                        shared
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        if lead.places.is_empty() {
                            String::new()
                        } else {
                            format!("; its lead names {}", lead.places.join(", "))
                        }
                    )
                };
                if corpus.incidents[i].date.is_none() {
                    corpus.incidents[i].date = lead.date.map(|d| DateSpan {
                        start: d,
                        end: None,
                    });
                }
                i
            }
            None => {
                let incident = new_incident(&report, &lead, corpus);
                how = if scored.len() > 1 {
                    "new incident: its place matches several incidents equally".to_string()
                } else {
                    "new incident: no incident names its place".to_string()
                };
                summary.created.push(incident.id.clone());
                corpus.incidents.push(incident);
                incident_words.push(lead.place_words.clone());
                incident_names.push(Vec::new());
                corpus.incidents.len() - 1
            }
        };
        incident_words[main].extend(lead.place_words.iter().cloned());
        incident_names[main].extend(lead.names.iter().cloned());
        report.incidents.push(corpus.incidents[main].id.clone());
        // A later paragraph counting casualties at another incident's place covers it too.
        for (words, _) in &lead.later_places {
            if let Some(i) = (0..corpus.incidents.len())
                .find(|&i| i != main && overlap(words, &incident_words[i]) > 0)
            {
                let id = corpus.incidents[i].id.clone();
                if !report.incidents.contains(&id) {
                    report.incidents.push(id);
                }
            }
        }
        known.push((hash, report.id.clone()));
        summary.added.push((
            report.id.clone(),
            article.source.clone(),
            report.incidents.clone(),
            how,
        ));
        corpus.reports.push(report);
    }
    summary
}
