//! The standing fault suite's property tests, for the stable toolchain CI runs (the cargo-fuzz
//! targets in `fuzz/` drive the same entry points with coverage guidance, on nightly):
//! - the journal reader: any bytes as a journal open without a panic, and what opens is whole
//!   (opening again has nothing more to set aside);
//! - import: any bytes as a text, HTML or JSON Lines file are read without a panic, and what
//!   import makes of them always saves and loads again.
//!
//! `CROSSCHECK_FUZZ_CASES` sets the cases per property (default 256).

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

mod common;

use std::path::Path;

use crosscheck::annotate::Journal;
use crosscheck::extract::Extractor;
use crosscheck::import::{FileKind, import, read_file};
use crosscheck::model::Corpus;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("CROSSCHECK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Open a journal holding `bytes`; it must open or refuse with a message, and once open,
/// open again with nothing more to say.
fn journal_holds(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("x.ron");
    std::fs::write(dir.path().join("x.annotations.journal"), bytes).unwrap();
    match Journal::open(&data, "fuzz") {
        Ok(_) => {
            let mut again = Journal::open(&data, "fuzz").expect("a repaired journal opens");
            assert!(again.take_notices().is_empty(), "repaired once and for all");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// A valid journal line, to mutate.
const ENTRY: &str = "(seq:1,at:\"2026-11-30T10:00:00Z\",by:\"ana\",kind:Do,changes:[(target:Claim(id:\"c1\",anchor:(report:\"r\",kind:\"casualty\",span:(0,2),text:\"55\")),before:Verdict(unreviewed),after:Verdict(disputed))])\n";

/// Read `bytes` as a file of `kind`, import what it holds, and check the corpus saves and
/// loads again.
fn import_holds(bytes: &[u8], kind: FileKind, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let Ok((articles, _skipped)) = read_file(&path, kind) else {
        return;
    };
    let mut corpus = Corpus::default();
    import(&mut corpus, articles, &Extractor::default());
    let text = crosscheck::store::to_ron(&corpus).expect("every corpus encodes");
    if let Err(e) = crosscheck::store::parse(text.as_bytes(), Path::new("imported.ron")) {
        panic!("import made a file that does not load: {e}\n{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_journal_bytes_open_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        journal_holds(&bytes);
    }

    #[test]
    fn mutated_journals_open_whole(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..3, any::<u8>()), 1..6)
    ) {
        let mut bytes = format!("(version:1,base:0)\n{ENTRY}{}", ENTRY.replace("seq:1", "seq:2"))
            .into_bytes();
        for (at, op, byte) in edits {
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => {
                    bytes.remove(i);
                }
            }
        }
        journal_holds(&bytes);
    }

    #[test]
    fn any_text_file_imports_into_a_file_that_loads(body in "\\PC{0,300}") {
        import_holds(body.as_bytes(), FileKind::Text, "a.txt");
    }

    #[test]
    fn any_page_imports_into_a_file_that_loads(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
                Just("<script>".to_string()), Just("<!--".to_string()), Just("&amp;".to_string()),
                Just("<title>".to_string()), "\\PC{0,30}",
            ],
            0..40,
        )
    ) {
        import_holds(parts.concat().as_bytes(), FileKind::Html, "a.html");
    }

    #[test]
    fn any_json_lines_import_into_a_file_that_loads(
        lines in proptest::collection::vec(
            prop_oneof![
                "\\PC{0,40}".prop_map(|s| s),
                ("\\PC{0,60}", "\\PC{0,12}").prop_map(|(b, d)| {
                    serde_json::json!({ "body": b, "published": d, "title": "T" }).to_string()
                }),
            ],
            0..6,
        )
    ) {
        import_holds(lines.join("\n").as_bytes(), FileKind::JsonLines, "a.jsonl");
    }
}
