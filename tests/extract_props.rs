//! Property tests: extraction never panics on any UTF-8 input, and every claim it returns
//! points at real text (its span and sentence lie on character boundaries inside the body,
//! and its words are the body's words at that span).

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

mod common;

use crosscheck::extract::Extractor;
use crosscheck::model::{Corpus, Field, Report};
use proptest::prelude::*;

fn corpus_with(body: String, published: Option<&str>) -> Corpus {
    let mut corpus =
        crosscheck::store::parse(common::sample().as_bytes(), "s.ron".as_ref()).unwrap();
    let mut report: Report = corpus.reports[0].clone();
    report.body = body;
    report.published = match published {
        Some(p) => Field::Stated(p.parse().unwrap()),
        None => Field::Unknown,
    };
    corpus.reports = vec![report];
    corpus
}

fn check(body: String, published: Option<&str>) {
    let corpus = corpus_with(body, published);
    let report = &corpus.reports[0];
    let claims = Extractor::default().report(report, &corpus);
    for claim in claims {
        let [a, b] = claim.span;
        assert!(a <= b && b <= report.body.len(), "span {a}..{b}");
        assert!(report.body.is_char_boundary(a) && report.body.is_char_boundary(b));
        assert_eq!(&report.body[a..b], claim.text);
        let [sa, sb] = claim.sentence;
        assert!(
            sa <= a && b <= sb && sb <= report.body.len(),
            "claim outside its sentence"
        );
    }
}

/// Words that make the rules fire, so random text reaches deep into them.
const VOCABULARY: &[&str] = &[
    "at least",
    "35",
    "two dozen",
    "several",
    "policemen",
    "militants",
    "were",
    "killed",
    "injured",
    "and",
    "including",
    "20",
    "officers",
    ",",
    ".",
    "“",
    "”",
    "said",
    "the ministry",
    "according to",
    "citing",
    "Friday",
    "last Sunday",
    "October 13",
    "Oct.",
    "2",
    "since",
    "2013",
    "a week after",
    "about",
    "80 miles",
    "south west of",
    "Cairo",
    "in the",
    "Bahariya Oasis",
    "claimed",
    "by",
    "IS",
    "Hasm",
    "not claimed",
    "false claim",
    "rocket fire",
    "few",
    "if any",
    "the death toll",
    "as in the",
    "dozens",
    "put the number at",
    "\n\n",
    "日本語",
    "مرحبا",
    "\u{1b}[31m",
    "’s",
    "(",
    ")",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_extracts_without_panicking(body in "\\PC{0,400}") {
        check(body, Some("2017-10-21"));
    }

    #[test]
    fn rule_words_in_any_order_extract_without_panicking(
        words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..80),
        dated in any::<bool>(),
    ) {
        check(words.join(" "), dated.then_some("2017-10-21"));
    }

    #[test]
    fn mutated_sample_bodies_extract_without_panicking(cut in 0usize..4000, insert in "\\PC{0,20}") {
        let body = common::sample_body(0);
        let mut at = cut.min(body.len());
        while !body.is_char_boundary(at) {
            at -= 1;
        }
        check(format!("{}{insert}{}", &body[..at], &body[at..]), Some("2017-10-21"));
    }
}
