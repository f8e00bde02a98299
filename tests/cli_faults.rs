//! The command line under faults and odd input: a log that cannot be opened, a pipe closed
//! early, FIFOs and devices given as files, an empty article, links that loop. Each ends with
//! one clear message (or quietly), never a panic or a hang, and touches no file it should not.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn crosscheck_in(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("CROSSCHECK_DATA_DIR", data_dir)
        .env("CROSSCHECK_CONFIG_DIR", data_dir.join("config"))
        .output()
        .expect("run crosscheck")
}

fn sample_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/data/western-desert-2017.ron").to_string()
}

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_log_that_cannot_be_opened_means_no_log_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the log file should be: no user can open it for writing.
    std::fs::create_dir_all(dir.path().join("crosscheck.log")).unwrap();
    let out = crosscheck_in(dir.path(), &["check", &sample_path()]);
    no_panic(&out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_pipe_closed_early_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", &sample_path()])
        .env("CROSSCHECK_DATA_DIR", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here: the rest of the output meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    no_panic(&out);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_at_once_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut paths = vec!["/dev/zero".to_string(), "/dev/null".to_string()];
    if made.is_ok_and(|s| s.success()) {
        paths.push(fifo.display().to_string());
    }
    for path in &paths {
        let out = crosscheck_in(dir.path(), &["check", path]);
        assert_eq!(out.status.code(), Some(2), "check {path}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a regular file"), "{err}");
        let target = dir.path().join("d.ron");
        let out = crosscheck_in(dir.path(), &["import", target.to_str().unwrap(), path]);
        assert_eq!(out.status.code(), Some(2), "import {path}");
        assert!(!target.exists(), "nothing written");
    }
}

#[test]
fn an_empty_article_is_skipped_with_a_note_and_the_file_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "\n  \n").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Two men were shot in Dayton on Friday, police said.").unwrap();
    let target = dir.path().join("d.ron");
    let out = crosscheck_in(
        dir.path(),
        &[
            "import",
            target.to_str().unwrap(),
            empty.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt: no text; skipped"), "{err}");
    let check = crosscheck_in(dir.path(), &["check", target.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[cfg(unix)]
#[test]
fn links_that_loop_end_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("in");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "A man was shot in Akron on Friday.").unwrap();
    std::os::unix::fs::symlink(".", articles.join("x")).unwrap();
    std::os::unix::fs::symlink(".", articles.join("y")).unwrap();
    let target = dir.path().join("d.ron");
    let out = crosscheck_in(
        dir.path(),
        &[
            "import",
            target.to_str().unwrap(),
            articles.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("added 1 report(s)"));
}

#[test]
fn every_failure_exits_2_with_one_message_naming_no_internal_type() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.ron");
    std::fs::write(&list, "[1, 2]").unwrap();
    let out = crosscheck_in(dir.path(), &["check", list.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("VersionOnly"), "{err}");
    assert!(err.contains("list.ron:1:1"), "{err}");
    // A data file whose sidecar cannot be written: the system refuses, the user is told.
    let data = dir.path().join("s.ron");
    std::fs::copy(sample_path(), &data).unwrap();
    std::fs::create_dir(dir.path().join("s.annotations.journal")).unwrap();
    let out = crosscheck_in(dir.path(), &["undo", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("os error"), "the reason is said once: {err}");
}
