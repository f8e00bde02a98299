//! The analyst's gold of 40 real articles (`tests/gold/dev40.gold.ron`: 20 of ECB+, 20 of
//! the Gun Violence Corpus, drawn at random from `../shared/dev`): sources, places, dates,
//! actors and responsibility, scored as `crosscheck eval` scores them. The articles are
//! imported as `tools/dev-gold.sh` imports them (ECB+ from its text files, GVC from the
//! scraper's JSON Lines with their metadata). Fails when a kind falls below its floor;
//! prints the figures. Skipped, saying so, where the development set is not beside the
//! project.

use std::io::Write;
use std::path::{Path, PathBuf};

use crosscheck::eval::{evaluate, load_gold, render};
use crosscheck::extract::Extractor;
use crosscheck::import::{FileKind, import, read_all};
use crosscheck::model::Corpus;

/// Detection floors per kind (precision, recall): a regression fence below the figures the
/// rules reach now, not the targets.
const FLOORS: [(&str, f64, f64); 5] = [
    ("attribution", 0.85, 0.80),
    ("location", 0.80, 0.75),
    ("time", 0.85, 0.85),
    ("actor", 0.85, 0.78),
    ("responsibility", 0.85, 0.85),
];

/// The drawn articles' files, and the GVC ones' lines of `articles.jsonl` in a file of their own.
fn articles(dev: &Path, scratch: &Path) -> Vec<(PathBuf, FileKind)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let list = std::fs::read_to_string(root.join("tests/gold/dev40.articles")).expect("list");
    let mut files: Vec<(PathBuf, FileKind)> = Vec::new();
    let mut gvc: Vec<&str> = Vec::new();
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        match line.strip_prefix("gvc-dev/") {
            Some(file) => gvc.push(file),
            None => files.push((dev.join(line), FileKind::Text)),
        }
    }
    let jsonl = std::fs::read_to_string(dev.join("gvc-dev/articles.jsonl")).expect("jsonl");
    let path = scratch.join("gvc.jsonl");
    let mut out = std::fs::File::create(&path).expect("scratch file");
    for line in jsonl.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        if value["file"].as_str().is_some_and(|f| gvc.contains(&f)) {
            writeln!(out, "{line}").expect("writes");
        }
    }
    files.push((path, FileKind::JsonLines));
    files
}

#[test]
fn sources_places_dates_actors_and_responsibility_on_real_news() {
    let dev = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dev");
    if !dev.join("gvc-dev/articles.jsonl").exists() {
        println!("skipped: no development set at {}", dev.display());
        return;
    }
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let files = articles(&dev, scratch.path());
    let read = read_all(&files, |_| {})
        .unwrap_or_else(|e| panic!("reads: {e:?}"))
        .articles;
    let extractor = Extractor::default();
    let mut corpus = Corpus::default();
    import(&mut corpus, read, &extractor);
    assert_eq!(
        corpus.reports.len(),
        40,
        "the 40 drawn articles are imported"
    );
    let gold =
        load_gold(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold/dev40.gold.ron"))
            .expect("the gold loads");
    let claims = extractor.corpus(&corpus);
    let evaluation = evaluate(&gold, &corpus, &claims).expect("the gold's quotes are found");
    println!("{}", render(&evaluation, false));
    for (kind, precision, recall) in FLOORS {
        let score = &evaluation.kinds[kind];
        assert!(
            score.precision() >= precision && score.recall() >= recall,
            "{kind}: precision {:.2} recall {:.2}, floors {precision} {recall}",
            score.precision(),
            score.recall()
        );
    }
}
