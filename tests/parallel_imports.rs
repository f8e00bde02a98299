//! Imports into one data file running side by side (`xargs -P8 crosscheck import D.ron`): every
//! report an import says it added must be in the file afterwards, and the file must load.
//!
//! `CROSSCHECK_IMPORT_FILES` sets the files per import (default 12; the figure is 200).

use std::collections::BTreeSet;
use std::process::Command;

const IMPORTS: usize = 8;
const TOWNS: [&str; 6] = ["Dayton", "Tulsa", "Fresno", "Akron", "Reno", "Boise"];

#[test]
fn eight_parallel_imports_keep_every_report_they_say_they_added() {
    let per_import: usize = std::env::var("CROSSCHECK_IMPORT_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.ron");
    let mut dirs = Vec::new();
    for k in 0..IMPORTS {
        let sub = dir.path().join(format!("in{k}"));
        std::fs::create_dir(&sub).unwrap();
        for i in 0..per_import {
            let town = TOWNS[(k + i) % TOWNS.len()];
            std::fs::write(
                sub.join(format!("a{k}-{i}.txt")),
                format!(
                    "{town} man shot\n\n{town} — A {age}-year-old man was shot and killed on \
                     Elm Street in {town} on Friday night, police said. Import {k}, article {i}.",
                    age = 18 + (k * 7 + i) % 50
                ),
            )
            .unwrap();
        }
        dirs.push(sub);
    }
    // Side by side, as `xargs -P8` runs them.
    let outputs: Vec<std::process::Output> = std::thread::scope(|s| {
        let handles: Vec<_> = dirs
            .iter()
            .map(|sub| {
                let data = &data;
                s.spawn(move || {
                    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
                        .arg("import")
                        .arg(data)
                        .arg(sub)
                        .env("CROSSCHECK_LOG", "off")
                        .output()
                        .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut said_added = BTreeSet::new();
    for out in &outputs {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "an import failed: {}{}",
            stdout,
            String::from_utf8_lossy(&out.stderr)
        );
        for line in stdout.lines() {
            if let Some((id, _)) = line.trim_start().split_once(" <- ") {
                said_added.insert(id.to_string());
            }
        }
    }
    let corpus = crosscheck::store::load(&data)
        .unwrap_or_else(|e| panic!("the file does not load: {e}"))
        .corpus;
    let in_file: BTreeSet<String> = corpus.reports.iter().map(|r| r.id.clone()).collect();
    let missing: Vec<&String> = said_added.difference(&in_file).collect();
    assert!(
        missing.is_empty(),
        "{} of {} reports said to be added are not in the file: {missing:?}",
        missing.len(),
        said_added.len()
    );
    assert_eq!(said_added.len(), IMPORTS * per_import);
    assert_eq!(in_file.len(), IMPORTS * per_import);
}
