//! Nothing the CLI prints can act on a terminal: report text, titles, outlets, notes, tags,
//! file names and arguments carrying escape sequences (a window title set, the clipboard
//! written through OSC 52, a C1 CSI) go through every command, and neither standard output
//! nor standard error may hold ESC, BEL or any other control but line breaks and tabs.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use std::path::Path;
use std::process::{Command, Output};

/// A window title, the clipboard (OSC 52), a bell, and a C1 CSI.
const EVIL: &str = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}\u{9b}31m\u{202e}";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("CROSSCHECK_LOG", "off")
        .env("CROSSCHECK_USER", format!("ana{EVIL}"))
        .output()
        .expect("run crosscheck")
}

fn assert_inert(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let bad: Vec<char> = text
            .chars()
            .filter(|c| crosscheck::text::is_unsafe(*c) && !matches!(c, '\n' | '\t'))
            .collect();
        assert!(
            bad.is_empty(),
            "{what}: {stream} holds control characters {bad:?}:\n{text}"
        );
    }
}

/// The sample with escape sequences in a headline, a body, an outlet and an incident title.
fn hostile_file(dir: &Path) -> std::path::PathBuf {
    let mut corpus =
        crosscheck::store::parse(crosscheck::sample::TEXT.as_bytes(), Path::new("s.ron")).unwrap();
    let report = &mut corpus.reports[0];
    report.body = report
        .body
        .replacen("At least 35", &format!("At least 35{EVIL}"), 1);
    report.headline = crosscheck::model::Field::Stated(format!("Headline {EVIL}"));
    report.outlet = crosscheck::model::Field::Stated(format!("Outlet {EVIL}"));
    corpus.incidents[0].title = format!("Title {EVIL}");
    let path = dir.join("h.ron");
    std::fs::write(&path, crosscheck::store::to_ron(&corpus).unwrap()).unwrap();
    path
}

#[test]
fn escape_sequences_go_through_every_command_inert() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let file = path.to_str().unwrap();
    let check = run(&["check", file]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_inert("check", &check);

    let claims = run(&["extract", file, "--format", "json"]);
    assert_inert("extract json", &claims);
    let json: serde_json::Value = serde_json::from_slice(&claims.stdout).unwrap();
    let claim = json["claims"][0]["id"].as_str().unwrap().to_string();
    let report = json["claims"][0]["report"].as_str().unwrap().to_string();
    let incident = json["claims"][0]["incident"].as_str().unwrap().to_string();

    let note = format!("note {EVIL}");
    let tag = format!("tag{EVIL}");
    let commands: Vec<Vec<&str>> = vec![
        vec!["list", file],
        vec!["list", file, "--format", "json"],
        vec!["extract", file],
        vec!["compare", file],
        vec!["compare", file, "--format", "markdown"],
        vec!["compare", file, "--format", "json"],
        vec!["annotate", file, &claim, "--note", &note, "--tag", &tag],
        vec!["grade", file, &report, "B", "--note", &note],
        vec!["assess", file, &incident, "killed", "--best", &note],
        vec!["annotations", file],
        vec!["annotations", file, "--format", "json"],
        vec!["export", file],
        vec!["export", file, "--format", "csv"],
        vec!["export", file, "--format", "json"],
        vec!["undo", file],
        vec!["redo", file],
        // Errors that echo what they were given.
        vec!["annotate", file, EVIL, "--verdict", "false"],
        vec!["grade", file, EVIL, "B"],
        vec!["compare", file, "--incident", EVIL],
        vec!["import", file, "--incident", EVIL, file],
        vec!["check", EVIL],
    ];
    for args in &commands {
        assert_inert(&args.join(" "), &run(args));
    }

    // A file name with escapes, imported.
    let odd = dir.path().join(format!("odd{}.txt", "\u{1b}]0;x\u{7}"));
    std::fs::write(
        &odd,
        format!("Two men were shot in Dayton on Friday. {EVIL}"),
    )
    .unwrap();
    let target = dir.path().join("new.ron");
    let out = run(&["import", target.to_str().unwrap(), odd.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert("import", &out);
    assert_inert("list imported", &run(&["list", target.to_str().unwrap()]));
}
