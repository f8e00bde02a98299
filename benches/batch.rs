//! The batch filter's work per line (`crosscheck extract --jsonl`): generated articles
//! (`crosscheck gen-corpus --jsonl`) read, made reports, extracted and written as JSON, in
//! bytes of JSON Lines input per second — on one thread, and on all cores as the filter runs
//! them (a chunk of lines at a time, in order).

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a benchmark fails loudly

use crosscheck::extract::Extractor;
use rayon::prelude::*;

// The binary's allocator (src/main.rs), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// 500 generated articles as JSON Lines.
fn lines() -> Vec<String> {
    crosscheck::generate::corpus(500, 1)
        .reports
        .iter()
        .map(|r| crosscheck::generate::article_line(r).to_string())
        .collect()
}

fn answer(line: &str, extractor: &Extractor) -> usize {
    let got = crosscheck::batch::extract_line(line, extractor).unwrap();
    serde_json::to_string(&got).unwrap().len()
}

/// One thread: input bytes per second.
#[divan::bench(sample_count = 10)]
fn extract_lines_one_thread(bencher: divan::Bencher) {
    let lines = lines();
    let extractor = Extractor::default();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench_local(|| lines.iter().map(|l| answer(l, &extractor)).sum::<usize>());
}

/// All cores, order kept: input bytes per second.
#[divan::bench(sample_count = 10)]
fn extract_lines_all_cores(bencher: divan::Bencher) {
    let lines = lines();
    let extractor = Extractor::default();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench_local(|| {
            lines
                .par_iter()
                .map(|l| answer(l, &extractor))
                .collect::<Vec<usize>>()
                .len()
        });
}
