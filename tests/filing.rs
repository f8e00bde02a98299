//! Filing a reading under an incident gives what reading the report under it gives: on the
//! sample, on constructed reports whose toll the incident changes, and on the batch filter's
//! path over real news of the development set (skipped, saying so, where it is not beside the
//! project).

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test fails loudly and prints its figures

mod common;

use std::path::PathBuf;

use crosscheck::extract::Extractor;
use crosscheck::extract::incident::Incidents;
use crosscheck::model::{Claim, Corpus, DateSpan, Detail, Incident};

/// Reads `report` as it stands in `corpus` with its incidents taken away, then files it
/// back: the claims must be those `extract` reads of it in place.
fn assert_files_as_read(extractor: &Extractor, corpus: &Corpus, at: usize) -> Vec<Claim> {
    let report = &corpus.reports[at];
    let mut unfiled = report.clone();
    unfiled.incidents.clear();
    unfiled.id = format!("{}-unfiled", report.id);
    let incidents = Incidents::new(corpus);
    let reading = extractor.reading(&unfiled, &incidents);
    let filed = reading.file(extractor, report, &incidents);
    let read = extractor.report_in(report, &incidents);
    assert_eq!(filed, read, "report {}", report.id);
    read
}

#[test]
fn every_sample_report_files_as_it_reads() {
    let corpus = crosscheck::store::parse(
        common::sample().as_bytes(),
        std::path::Path::new("sample.ron"),
    )
    .unwrap();
    let extractor = Extractor::default();
    for at in 0..corpus.reports.len() {
        assert_files_as_read(&extractor, &corpus, at);
    }
}

/// One report of a police ambush on 2024-06-10 whose `body` follows, in a file whose
/// incident is dated that day.
fn ambush(body: &str) -> Corpus {
    Corpus {
        version: 1,
        incidents: vec![Incident {
            id: "ambush".into(),
            title: "An ambush".into(),
            date: Some(DateSpan {
                start: "2024-06-10".parse().unwrap(),
                end: None,
            }),
            date_inferred: None,
            place: String::new(),
            summary: String::new(),
        }],
        reports: vec![common::plain_report(body, "2024-06-11", &["ambush"])],
    }
}

fn tolls(claims: &[Claim]) -> Vec<(String, String)> {
    claims
        .iter()
        .filter_map(|c| match &c.detail {
            Detail::Casualty { who, .. } => Some((c.incident.clone(), who.group.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_toll_the_incident_takes_out_of_its_sentences_is_read_again() {
    // Unfiled, the second sentence's toll counts the policemen of the first; filed, it is
    // background (a day of 2023) and counts no group the incident named.
    let corpus = ambush(
        "Five policemen were killed in the ambush on Monday. \
         In March 2023, the death toll of another attack rose to 12.",
    );
    let read = assert_files_as_read(&Extractor::default(), &corpus, 0);
    assert_eq!(
        tolls(&read),
        [
            ("ambush".to_string(), "security_forces".to_string()),
            ("background".to_string(), "people".to_string())
        ]
    );
}

#[test]
fn relative_days_and_background_are_dated_from_the_incident() {
    let corpus = ambush(
        "Five policemen were killed in the ambush on Monday. A week after the ambush, two \
         soldiers died. Last month, three people were injured in a riot. The death toll rose \
         to 12.",
    );
    let read = assert_files_as_read(&Extractor::default(), &corpus, 0);
    assert!(
        read.iter()
            .any(|c| matches!(&c.detail, Detail::Time { date: Some(_) }) && c.text.contains("week")),
        "{read:#?}"
    );
}

#[test]
fn the_batch_path_files_real_news_as_extract_reads_it() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/gvdb-dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: no development set at {}", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let extractor = Extractor::default();
    for path in paths.iter().step_by(4) {
        let body = std::fs::read_to_string(path).unwrap();
        let line = serde_json::json!({ "id": "a", "text": body }).to_string();
        let (article, _) = crosscheck::import::article_of_json(&line, "dev").unwrap();
        let (corpus, reading) = crosscheck::import::alone(&article, &extractor);
        let incidents = Incidents::new(&corpus);
        let report = &corpus.reports[0];
        assert_eq!(
            reading.file(&extractor, report, &incidents),
            extractor.report_in(report, &incidents),
            "{}",
            path.display()
        );
    }
    println!("{} articles filed as read", paths.len().div_ceil(4));
}
