//! Compares a generated incident of N reports, for profilers, and times the phases:
//! `cargo run --release --example profile_compare -- 200`.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

fn main() {
    let reports: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let corpus = crosscheck::generate::corpus_with(reports, 1, 3);
    let extractor = crosscheck::extract::Extractor::default();
    let claims = extractor.corpus(&corpus);
    let id = corpus.incidents[0].id.clone();
    let start = std::time::Instant::now();
    let c = crosscheck::compare::compare(&corpus, &claims, &id, extractor.lexicon());
    println!(
        "{} slots, {} passages, {:?}",
        c.slots.len(),
        c.passages.len(),
        start.elapsed()
    );
    let all: Vec<&crosscheck::model::Report> = corpus.reports.iter().collect();
    let t = std::time::Instant::now();
    let passages = crosscheck::compare::origins::passages(&all);
    let t1 = t.elapsed();
    let classes = crosscheck::compare::origins::classes(&passages);
    let t2 = t.elapsed();
    let counts = classes.pair_counts(&passages);
    let t3 = t.elapsed();
    let _ = crosscheck::compare::origins::group(&all, &counts);
    let t4 = t.elapsed();
    println!(
        "passages {t1:?}, classes {:?}, pair counts {:?} ({}), group {:?}",
        t2 - t1,
        t3 - t2,
        counts.len(),
        t4 - t3
    );
}
