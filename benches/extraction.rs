//! Extraction benchmarks on generated corpora (`crosscheck::generate`, the same data as
//! `crosscheck gen-corpus`): throughput of one thread in bytes of body text per second, and a
//! 10,000-report corpus opened with its claims ready (parse + validate + extract, parallel).

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use crosscheck::extract::Extractor;
use crosscheck::extract::incident::Incidents;
use crosscheck::generate;

// The binary's allocator (src/main.rs), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// One thread, 500 generated reports: bytes of body text per second.
#[divan::bench]
fn extract_one_thread(bencher: divan::Bencher) {
    let corpus = generate::corpus(500, 1);
    let extractor = Extractor::default();
    let incidents = Incidents::new(&corpus);
    bencher
        .counter(divan::counter::BytesCount::new(corpus.body_bytes()))
        .bench_local(|| {
            corpus
                .reports
                .iter()
                .map(|r| extractor.report_in(r, &incidents).len())
                .sum::<usize>()
        });
}

/// One thread, the four sample reports.
#[divan::bench]
fn extract_sample_one_thread(bencher: divan::Bencher) {
    let corpus =
        crosscheck::store::parse(crosscheck::sample::TEXT.as_bytes(), "s".as_ref()).unwrap();
    let extractor = Extractor::default();
    let incidents = Incidents::new(&corpus);
    bencher
        .counter(divan::counter::BytesCount::new(corpus.body_bytes()))
        .bench_local(|| {
            corpus
                .reports
                .iter()
                .map(|r| extractor.report_in(r, &incidents).len())
                .sum::<usize>()
        });
}

/// A 10,000-report data file opened with its claims ready: parse, validate, extract on all
/// cores.
#[divan::bench(sample_count = 10)]
fn open_10k_with_claims(bencher: divan::Bencher) {
    let text = crosscheck::store::to_ron(&generate::corpus(10_000, 1)).unwrap();
    let extractor = Extractor::default();
    bencher.bench_local(|| {
        let corpus = crosscheck::store::parse(text.as_bytes(), "big.ron".as_ref()).unwrap();
        extractor.corpus(&corpus).len()
    });
}
