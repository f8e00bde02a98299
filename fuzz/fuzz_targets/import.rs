//! Import: any bytes as a text, HTML or JSON Lines file (the first byte chooses) are read
//! without a panic, and what import makes of them saves and loads again.
#![no_main]

use crosscheck::import::{FileKind, import, read_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some((&choice, rest)) = bytes.split_first() else {
        return;
    };
    let (kind, name) = match choice % 3 {
        0 => (FileKind::Text, "a.txt"),
        1 => (FileKind::Html, "a.html"),
        _ => (FileKind::JsonLines, "a.jsonl"),
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, rest).unwrap();
    let Ok((articles, _)) = read_file(&path, kind) else {
        return;
    };
    let mut corpus = crosscheck::model::Corpus::default();
    import(&mut corpus, articles, &crosscheck::extract::Extractor::default());
    let text = crosscheck::store::to_ron(&corpus).unwrap();
    if let Err(e) = crosscheck::store::parse(text.as_bytes(), std::path::Path::new("i.ron")) {
        panic!("import made a file that does not load: {e}");
    }
});
