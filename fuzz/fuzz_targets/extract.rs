//! Extraction: any text as a report's body gives claims whose spans lie on the text's
//! character boundaries, without a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    static SAMPLE: OnceLock<crosscheck::model::Corpus> = OnceLock::new();
    static EXTRACTOR: OnceLock<crosscheck::extract::Extractor> = OnceLock::new();
    let Ok(body) = std::str::from_utf8(bytes) else {
        return;
    };
    let sample = SAMPLE.get_or_init(|| {
        crosscheck::store::parse(
            crosscheck::sample::TEXT.as_bytes(),
            std::path::Path::new("s.ron"),
        )
        .unwrap()
    });
    let extractor = EXTRACTOR.get_or_init(crosscheck::extract::Extractor::default);
    let mut corpus = sample.clone();
    corpus.reports.truncate(1);
    corpus.reports[0].body = body.to_string();
    for claim in extractor.corpus(&corpus).concat() {
        let [start, end] = claim.span;
        assert!(start <= end && end <= body.len());
        assert!(body.is_char_boundary(start) && body.is_char_boundary(end));
    }
});
