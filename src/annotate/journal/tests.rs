//! The journal's tests: durability, writers in turn, damaged lines, permissions.

use super::*;
use crate::annotate::grades::{Credibility, Reliability, Verdict};
use crate::annotate::state::Anchor;
use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::Write;

fn claim(id: &str) -> Target {
    Target::Claim {
        id: id.into(),
        anchor: Anchor {
            report: "r".into(),
            kind: "casualty".into(),
            span: [0, 2],
            text: "55".into(),
        },
    }
}

fn data(dir: &Path) -> PathBuf {
    dir.join("x.ron")
}

#[test]
fn sidecar_names() {
    let p = SidecarPaths::of(Path::new("d/x.ron"));
    assert_eq!(p.snapshot, Path::new("d/x.annotations.ron"));
    assert_eq!(p.journal, Path::new("d/x.annotations.journal"));
    assert_eq!(
        SidecarPaths::of(Path::new("x.data")).lock,
        Path::new("x.data.annotations.lock")
    );
}

#[test]
fn survives_reopen_undo_redo_and_compaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    assert!(j.log().is_empty());
    j.set(vec![(claim("c1"), Value::Verdict(Verdict::Disputed))])
        .unwrap();
    j.set(vec![(
        claim("c1"),
        Value::Grade(Credibility::from_number(3)),
    )])
    .unwrap();
    j.set(vec![(
        Target::Source("r".into()),
        Value::Reliability(Some(Reliability::B)),
    )])
    .unwrap();
    // Setting what is there writes nothing.
    let same = j
        .set(vec![(claim("c1"), Value::Verdict(Verdict::Disputed))])
        .unwrap();
    assert!(same.entry.is_none());
    j.undo().unwrap();
    assert!(j.annotations().sources.is_empty());
    j.undo().unwrap();
    assert_eq!(j.annotations().claims["c1"].grade, None);
    j.redo().unwrap();
    assert_eq!(
        j.annotations().claims["c1"].grade,
        Credibility::from_number(3)
    );
    assert_eq!(j.log().len(), 6);

    let again = Journal::open(&data(dir.path()), "ana").unwrap();
    assert_eq!(again.annotations(), j.annotations());
    assert_eq!(again.log(), j.log());
    // The undo/redo stacks come back from the log too.
    assert_eq!(again.can_redo().map(|e| e.seq), Some(3));

    j.compact().unwrap();
    let compacted = Journal::open(&data(dir.path()), "ana").unwrap();
    assert_eq!(compacted.annotations(), j.annotations());
    assert_eq!(compacted.log().len(), 6);
    let mut compacted = compacted;
    compacted
        .set(vec![(claim("c2"), Value::Note("two\nlines".into()))])
        .unwrap();
    assert_eq!(compacted.log().last().unwrap().seq, 7);
    let reread = Journal::open(&data(dir.path()), "ana").unwrap();
    assert_eq!(reread.annotations().claims["c2"].note, "two\nlines");
}

#[test]
fn a_torn_last_line_is_skipped_then_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    j.set(vec![(claim("c1"), Value::Verdict(Verdict::Confirmed))])
        .unwrap();
    let path = j.paths().journal.clone();
    let mut f = OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(b"(seq: 2, at: \"2026-").unwrap();
    drop(f);
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    assert_eq!(j.log().len(), 1);
    j.set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert_eq!(
        Journal::open(&data(dir.path()), "ana")
            .unwrap()
            .annotations()
            .claims["c1"]
            .verdict,
        Verdict::False
    );
}

#[test]
fn two_writers_see_each_other_and_compaction_by_either() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Journal::open(&data(dir.path()), "ana").unwrap();
    let mut b = Journal::open(&data(dir.path()), "bo").unwrap();
    a.set(vec![(claim("c1"), Value::Verdict(Verdict::Confirmed))])
        .unwrap();
    let receipt = b
        .set(vec![(claim("c2"), Value::Verdict(Verdict::False))])
        .unwrap();
    assert_eq!(receipt.others, 1);
    assert_eq!(b.annotations().claims.len(), 2);
    b.compact().unwrap();
    let receipt = a
        .set(vec![(claim("c3"), Value::Verdict(Verdict::Uncertain))])
        .unwrap();
    assert_eq!(receipt.others, 1);
    assert_eq!(a.annotations().claims.len(), 3);
    assert_eq!(a.log().iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
    // Undo walks back only one's own actions.
    b.refresh().unwrap();
    b.undo().unwrap();
    assert!(!b.annotations().claims.contains_key("c2"));
    assert!(b.annotations().claims.contains_key("c3"));
}

#[test]
fn a_damaged_line_is_set_aside_and_every_readable_entry_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    for (c, v) in [
        ("c1", Verdict::Confirmed),
        ("c2", Verdict::False),
        ("c3", Verdict::Disputed),
    ] {
        j.set(vec![(claim(c), Value::Verdict(v))]).unwrap();
    }
    let path = j.paths().journal.clone();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Line 3 garbled, a run of NUL bytes before line 4 (a writer that seeked past the
    // end), and a duplicate of line 2 at the end.
    let broken = format!(
        "{}\n{}\n{}\n\0\0\0\0{}\n{}\n",
        lines[0],
        lines[1],
        lines[2]
            .replacen("disputed", "disputd", 1)
            .replacen("false", "fals", 1),
        lines[3],
        lines[1]
    );
    std::fs::write(&path, &broken).unwrap();
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    let notices = j.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("x.annotations.journal:3"),
        "{notices:?}"
    );
    assert!(notices[0].contains("2 damaged line(s)"), "{notices:?}");
    let aside = dir.path().join("x.annotations.journal.damaged");
    let set_aside = std::fs::read_to_string(&aside).unwrap();
    assert!(set_aside.contains("fals"), "{set_aside}");
    assert_eq!(j.annotations().claims.len(), 2);
    assert_eq!(j.annotations().claims["c3"].verdict, Verdict::Disputed);
    // The journal is whole again: it opens without notices, and writing continues.
    j.set(vec![(claim("c4"), Value::Verdict(Verdict::False))])
        .unwrap();
    let mut again = Journal::open(&data(dir.path()), "ana").unwrap();
    assert!(again.take_notices().is_empty());
    assert_eq!(again.annotations().claims.len(), 3);
    assert!(!std::fs::read(&path).unwrap().contains(&0));
}

#[test]
fn tags_added_by_two_writers_who_did_not_see_each_other_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Journal::open(&data(dir.path()), "ana").unwrap();
    let mut b = Journal::open(&data(dir.path()), "bo").unwrap();
    let add = |t: &str| Edit::Tags {
        add: [t.to_string()].into(),
        remove: BTreeSet::new(),
    };
    a.edit(vec![(claim("c1"), add("x"))]).unwrap();
    b.edit(vec![(claim("c1"), add("y"))]).unwrap();
    assert_eq!(
        b.annotations().claims["c1"].tags,
        ["x".to_string(), "y".to_string()].into()
    );
    // Undoing one's tag leaves the other's.
    a.undo().unwrap();
    assert_eq!(a.annotations().claims["c1"].tags, ["y".to_string()].into());
    a.redo().unwrap();
    assert_eq!(a.annotations().claims["c1"].tags.len(), 2);
}

#[test]
fn a_write_after_another_compacted_never_leaves_a_gap() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Journal::open(&data(dir.path()), "ana").unwrap();
    for i in 0..5 {
        a.set(vec![(
            claim(&format!("c{i}")),
            Value::Verdict(Verdict::False),
        )])
        .unwrap();
    }
    let mut b = Journal::open(&data(dir.path()), "bo").unwrap();
    a.compact().unwrap();
    // The new journal is shorter than what b read of the old one.
    b.set(vec![(claim("c9"), Value::Verdict(Verdict::Confirmed))])
        .unwrap();
    let bytes = std::fs::read(&a.paths().journal).unwrap();
    assert!(!bytes.contains(&0));
    let j = Journal::open(&data(dir.path()), "cy").unwrap();
    assert_eq!(j.annotations().claims.len(), 6);
    assert_eq!(
        j.log().iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn a_compaction_that_fails_after_the_append_is_a_warning_on_a_saved_action() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    j.set_compact_every(1);
    // A directory where the snapshot goes: the compaction cannot write it.
    std::fs::create_dir(&j.paths().snapshot).unwrap();
    let receipt = j
        .set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
        .unwrap();
    assert!(receipt.entry.is_some());
    assert!(receipt.warning.is_some(), "{receipt:?}");
    std::fs::remove_dir(&j.paths().snapshot).unwrap();
    // Saved once: reopening finds it, and a retry would change nothing.
    let mut again = Journal::open(&data(dir.path()), "ana").unwrap();
    assert_eq!(again.log().len(), 1);
    let retry = again
        .set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
        .unwrap();
    assert!(retry.entry.is_none());
}

#[cfg(unix)]
#[test]
fn the_sidecars_are_as_private_as_the_data_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = data(dir.path());
    std::fs::write(&file, "").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut j = Journal::open(&file, "ana").unwrap();
    j.set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
        .unwrap();
    j.compact().unwrap();
    j.compact().unwrap();
    let paths = j.paths().clone();
    let backup = crate::store::backup_path(&paths.snapshot);
    for path in [&paths.snapshot, &paths.journal, &paths.lock, &backup] {
        let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
}

#[test]
fn a_crash_between_snapshot_and_journal_replays_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
    j.set(vec![(claim("c1"), Value::Tags(["a".to_string()].into()))])
        .unwrap();
    let journal = std::fs::read(&j.paths().journal).unwrap();
    j.compact().unwrap();
    // As if the process died after writing the snapshot, before replacing the journal.
    std::fs::write(&j.paths().journal, journal).unwrap();
    let j = Journal::open(&data(dir.path()), "ana").unwrap();
    assert_eq!(j.log().len(), 1);
}
