//! Extracts a generated corpus in a loop on one thread, for profilers (perf, callgrind):
//! `cargo run --release --example profile_extract -- 2000`.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a profiling tool: it prints, and fails loudly

fn main() {
    let reports: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let corpus = crosscheck::generate::corpus(reports, 1);
    let extractor = crosscheck::extract::Extractor::default();
    let incidents = crosscheck::extract::incident::Incidents::new(&corpus);
    // The shipped gazetteer and lexicons load on first use; load them before the clock (and a
    // profiler's `--toggle-collect=*report_in*`) starts, so the figure is extraction's alone.
    if let Some(first) = corpus.reports.first() {
        extractor.report_in(first, &incidents);
    }
    let start = std::time::Instant::now();
    let claims: usize = corpus
        .reports
        .iter()
        .map(|r| extractor.report_in(r, &incidents).len())
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{reports} reports, {claims} claims, {:.1} MB/s on one thread",
        corpus.body_bytes() as f64 / secs / 1e6
    );
    let start = std::time::Instant::now();
    let claims: usize = extractor.corpus(&corpus).iter().map(Vec::len).sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{claims} claims, {:.1} MB/s on {} threads",
        corpus.body_bytes() as f64 / secs / 1e6,
        rayon::current_num_threads()
    );
}
