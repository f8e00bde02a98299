//! Helpers shared by the integration tests: the sample, bad variants of it, positions.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::panic)] // test helpers: a failure is the test failing

pub mod tui;

use std::path::{Path, PathBuf};

/// The bundled sample's text.
pub fn sample() -> &'static str {
    crosscheck::sample::TEXT
}

/// The sample with the first `from` replaced by `to` (which must be there).
pub fn sample_with(from: &str, to: &str) -> String {
    assert!(
        sample().contains(from),
        "the sample no longer contains {from:?}"
    );
    sample().replacen(from, to, 1)
}

/// 1-based line and column (in characters) of the `nth` (0-based) occurrence of `needle`.
pub fn line_col(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle present")
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Write `bytes` to `name` in a fresh temp dir; returns the dir (keep it alive) and the path.
pub fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    (dir, path)
}

/// The bytes and modification time of a file, to show it was not touched.
pub fn snapshot(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let bytes = std::fs::read(path).expect("read");
    let mtime = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime");
    (bytes, mtime)
}

/// One bad data file: what it holds, the problem kind and the message expected.
pub struct BadInput {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub kind: crosscheck::store::ProblemKind,
    /// Substrings the message must contain, including the `:line:col:` where it applies.
    pub expect: Vec<String>,
}

/// Every kind of bad input the store must explain, built from the sample.
pub fn bad_inputs() -> Vec<BadInput> {
    use crosscheck::store::ProblemKind::*;
    let mut cases = Vec::new();

    let text = sample_with(
        "title: \"Bahariya Oasis ambush\",",
        "title: \"Bahariya Oasis ambush\"",
    );
    let (line, _) = line_col(&text, "date: \"2017-10-20\"", 0);
    cases.push(BadInput {
        name: "malformed",
        bytes: text.into_bytes(),
        kind: Syntax,
        expect: vec![format!(":{line}:")],
    });

    let mut bytes = sample().as_bytes().to_vec();
    let (line, col) = line_col(sample(), "Hasm has claimed multiple", 0);
    let at = sample().find("Hasm has claimed multiple").unwrap();
    bytes.splice(at..at, [0xFF, 0xFE]);
    cases.push(BadInput {
        name: "not-utf8",
        bytes,
        kind: NotUtf8,
        expect: vec![format!(
            ":{line}:{col}: the file is not UTF-8 text (byte 0xFF here)"
        )],
    });

    let text = sample_with("version: 1,", "version: 7,");
    let (line, col) = line_col(&text, "version: 7,", 0);
    let col = col + "version: ".len();
    cases.push(BadInput {
        name: "newer-version",
        bytes: text.into_bytes(),
        kind: UnknownVersion,
        expect: vec![
            format!(":{line}:{col}: format version 7 is newer than this crosscheck reads"),
            "update crosscheck".into(),
        ],
    });

    let text = sample_with("version: 1,", "version: 0,");
    cases.push(BadInput {
        name: "zero-version",
        bytes: text.into_bytes(),
        kind: UnknownVersion,
        expect: vec!["unknown format version 0".into()],
    });

    let text = sample_with(
        "id: \"wapo-bahariya-2017-10-21\"",
        "id: \"afp-bahariya-2017-10-21\"",
    );
    let (line, col) = line_col(&text, "\"afp-bahariya-2017-10-21\"", 1);
    let (first_line, first_col) = line_col(&text, "\"afp-bahariya-2017-10-21\"", 0);
    cases.push(BadInput {
        name: "duplicate-id",
        bytes: text.into_bytes(),
        kind: DuplicateId,
        expect: vec![format!(
            ":{line}:{col}: duplicate report id \"afp-bahariya-2017-10-21\" (first used at {first_line}:{first_col})"
        )],
    });

    let text = sample_with(
        "incidents: [\"new-valley-raid-2017-10-27\",",
        "incidents: [\"new-valley-raid-2017-10-28\",",
    );
    let (line, col) = line_col(&text, "\"new-valley-raid-2017-10-28\"", 0);
    cases.push(BadInput {
        name: "dangling-reference",
        bytes: text.into_bytes(),
        kind: DanglingReference,
        expect: vec![
            format!(
                ":{line}:{col}: report \"gulf-news-new-valley-2017-10-27\" names incident \"new-valley-raid-2017-10-28\", which the file does not have"
            ),
            "known incidents: bahariya-ambush-2017-10-20, new-valley-raid-2017-10-27".into(),
        ],
    });

    let text = sample_with("date: \"2017-10-20\"", "date: \"2017-13-20\"");
    let (line, _) = line_col(&text, "2017-13-20", 0);
    cases.push(BadInput {
        name: "bad-date",
        bytes: text.into_bytes(),
        kind: Syntax,
        expect: vec![format!(":{line}:"), "month 13 does not exist".into()],
    });

    let text = sample_with("place: \"New Valley", "plaec: \"New Valley");
    let (line, _) = line_col(&text, "plaec", 0);
    cases.push(BadInput {
        name: "misspelt-field",
        bytes: text.into_bytes(),
        kind: Syntax,
        expect: vec![format!(":{line}:"), "plaec".into()],
    });
    cases
}

/// The body of the sample's report number `n`.
pub fn sample_body(n: usize) -> String {
    let corpus = crosscheck::store::parse(sample().as_bytes(), "s.ron".as_ref()).unwrap();
    corpus.reports[n].body.clone()
}

/// A report "r1" of `body`, published on `published` (YYYY-MM-DD) in English, filed under
/// `incidents`, with nothing else known of it.
pub fn plain_report(body: &str, published: &str, incidents: &[&str]) -> crosscheck::model::Report {
    use crosscheck::model::{Field, Report};
    Report {
        id: "r1".into(),
        headline: Field::Unknown,
        outlet: Field::Unknown,
        wire: Field::Unknown,
        byline: Field::Unknown,
        dateline: Field::Unknown,
        published: Field::Stated(published.parse().unwrap()),
        language: Field::Stated("en".into()),
        url: None,
        provenance: None,
        incidents: incidents.iter().map(|i| (*i).to_string()).collect(),
        body: body.into(),
    }
}
