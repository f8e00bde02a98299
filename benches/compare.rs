//! Comparison benchmarks: one incident reported 200 times (generated, as `crosscheck
//! gen-corpus`), compared from its extracted claims; and drawing the comparison pane.

use crosscheck::compare::compare;
use crosscheck::extract::Extractor;
use crosscheck::generate;

fn main() {
    divan::main();
}

/// Compare an incident of 200 reports (claims already extracted).
#[divan::bench]
fn compare_incident_of_200_reports(bencher: divan::Bencher) {
    let corpus = generate::corpus_with(200, 1, 3);
    let extractor = Extractor::default();
    let claims = extractor.corpus(&corpus);
    let id = corpus.incidents[0].id.clone();
    bencher.bench_local(|| {
        compare(&corpus, &claims, &id, extractor.lexicon())
            .slots
            .len()
    });
}
