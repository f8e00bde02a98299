//! Several writers on one file at once: `crosscheck annotate` processes and the journal code the
//! TUI runs (edits, undo, the periodic pick-up), on shared claims, with compaction every few
//! entries, with and without kill -9s at random moments. Every acknowledged action must be on
//! disk afterwards and every file must read cleanly.
//!
//! `CROSSCHECK_STRESS_ACTIONS` sets the actions per writer (default 12, as each CLI action is a
//! process; the full run is `CROSSCHECK_STRESS_ACTIONS=200 cargo test --release --test
//! concurrent_writers`).

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crosscheck::annotate::{Edit, Journal, Target};

const WRITERS: usize = 4;

fn actions() -> usize {
    std::env::var("CROSSCHECK_STRESS_ACTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The sample in a fresh directory, and the ids of some of its claims.
fn setup() -> (tempfile::TempDir, PathBuf, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.ron");
    std::fs::write(&file, crosscheck::sample::TEXT).unwrap();
    let corpus = crosscheck::store::load(&file).unwrap().corpus;
    let claims = crosscheck::extract::Extractor::default().corpus(&corpus);
    let ids: Vec<String> = claims
        .iter()
        .flatten()
        .take(3)
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(ids.len(), 3);
    (dir, file, ids)
}

fn annotate(file: &Path, claim: &str, tag: &str, user: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    command
        .args(["annotate", &file.to_string_lossy(), claim, "--tag", tag])
        .env("CROSSCHECK_COMPACT_EVERY", "7")
        .env("CROSSCHECK_USER", user)
        .env("CROSSCHECK_LOG", "off")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// The claim each tag was put on, as every writer's acknowledged work.
type Acked = Vec<(String, String)>;

/// A CLI writer: `actions` tags, each its own process; with `kills`, some are killed at a random
/// moment (their tag may or may not land; only those that said so count).
fn cli_writer(file: &Path, ids: &[String], writer: usize, kills: bool) -> Acked {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ ((writer as u64 + 1) * 0x9e37_79b9));
    let mut acked = Vec::new();
    for i in 0..actions() {
        let claim = &ids[rng.below(ids.len() as u64) as usize];
        let tag = format!("w{writer}-{i}");
        let mut child = annotate(file, claim, &tag, &format!("cli{writer}"))
            .spawn()
            .unwrap();
        if kills && rng.below(3) == 0 {
            std::thread::sleep(Duration::from_micros(rng.below(30_000)));
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            let said = String::from_utf8_lossy(&out.stdout);
            assert!(said.starts_with('#'), "not acknowledged as saved: {said}");
            acked.push((claim.clone(), tag));
        } else if !kills || out.status.code().is_some() {
            panic!(
                "writer {writer}, action {i}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    acked
}

/// A writer through the journal code the TUI runs: tag edits, an undo and redo now and then,
/// and the periodic pick-up of others' entries.
fn library_writer(file: &Path, ids: &[String], writer: usize) -> Acked {
    let mut rng = Rng(0x1234_5678_9abc_def1 ^ ((writer as u64 + 7) * 0x9e37_79b9));
    let mut journal = Journal::open(file, format!("tui{writer}")).unwrap();
    journal.set_compact_every(7);
    let mut acked = Vec::new();
    for i in 0..actions() {
        let claim = &ids[rng.below(ids.len() as u64) as usize];
        let tag = format!("t{writer}-{i}");
        let anchor = journal.annotations().claims.get(claim).map_or_else(
            || crosscheck::annotate::Anchor {
                report: "r".into(),
                kind: "casualty".into(),
                span: [0, 1],
                text: "x".into(),
            },
            |n| n.anchor.clone(),
        );
        let target = Target::Claim {
            id: claim.clone(),
            anchor,
        };
        let edit = Edit::Tags {
            add: [tag.clone()].into(),
            remove: BTreeSet::new(),
        };
        journal.edit(vec![(target, edit)]).unwrap();
        // Undo then redo: the tag must be there after both.
        if rng.below(5) == 0 {
            journal.undo().unwrap();
            journal.redo().unwrap();
        }
        if rng.below(4) == 0 {
            journal.refresh().unwrap();
        }
        acked.push((claim.clone(), tag));
    }
    acked
}

fn run(kills: bool) {
    let (dir, file, ids) = setup();
    let acked: Vec<Acked> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (file, ids) = (&file, &ids);
                s.spawn(move || {
                    if w % 2 == 0 {
                        cli_writer(file, ids, w, kills)
                    } else {
                        library_writer(file, ids, w)
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut journal = Journal::open(&file, "checker").unwrap();
    assert!(
        journal.take_notices().is_empty(),
        "no line may be damaged: {:?}",
        journal.take_notices()
    );
    let notes = &journal.annotations().claims;
    let mut lost = Vec::new();
    let total: usize = acked.iter().map(Vec::len).sum();
    for (claim, tag) in acked.iter().flatten() {
        if !notes.get(claim).is_some_and(|n| n.tags.contains(tag)) {
            lost.push(tag.clone());
        }
    }
    assert!(
        lost.is_empty(),
        "{} of {total} acknowledged tags lost: {lost:?}",
        lost.len()
    );
    let seqs: Vec<u64> = journal.log().iter().map(|e| e.seq).collect();
    assert!(
        seqs.windows(2).all(|w| w[1] == w[0] + 1),
        "sequence numbers repeat or skip: {seqs:?}"
    );
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains("damaged"),
            "a damaged file was set aside: {name}"
        );
    }
    let journal_bytes = std::fs::read(&journal.paths().journal).unwrap_or_default();
    assert!(!journal_bytes.contains(&0), "NUL bytes in the journal");
    eprintln!(
        "{WRITERS} writers x {} actions (kills: {kills}): {total} acknowledged, all kept, {} entries",
        actions(),
        seqs.len()
    );
}

#[test]
fn four_writers_crossing_compactions_lose_no_acknowledged_action() {
    run(false);
}

#[test]
fn four_writers_with_kill_9s_lose_no_acknowledged_action() {
    run(true);
}
