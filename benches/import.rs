//! Import at scale: 10,000 generated reports (several per incident, sharing wire passages, as
//! `crosscheck gen-corpus` writes them) read as articles and grouped into incidents from an
//! empty file, on all cores. The target is under 5 s on 2 cores.

use crosscheck::extract::Extractor;
use crosscheck::import::{Article, import};
use crosscheck::model::Corpus;

// The binary's allocator (src/main.rs), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_10k_clustered(bencher: divan::Bencher) {
    let corpus = crosscheck::generate::corpus(10_000, 1);
    let articles: Vec<Article> = corpus.reports.iter().map(Article::of_report).collect();
    let extractor = Extractor::default();
    bencher
        .with_inputs(|| articles.clone())
        .bench_local_values(|articles| {
            let mut fresh = Corpus::new();
            import(&mut fresh, articles, &extractor).added.len()
        });
}
