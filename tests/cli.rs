//! The binary's command line: `check` and `list` on good and bad files, exit codes, JSON.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

mod common;

use std::process::{Command, Output};

use common::{bad_inputs, snapshot, temp_file};

fn crosscheck(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("CROSSCHECK_DATA_DIR", home.path().join("data"))
        .env("CROSSCHECK_CONFIG_DIR", home.path().join("config"))
        .output()
        .expect("run crosscheck")
}

fn sample_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/data/western-desert-2017.ron").to_string()
}

#[test]
fn check_prints_the_counts_of_the_sample() {
    let out = crosscheck(&["check", &sample_path()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(": OK (format version 1)"), "{stdout}");
    assert!(stdout.contains("2 incidents, 4 reports"), "{stdout}");
    assert!(
        stdout.contains("Bahariya Oasis ambush (2017-10-20): 4 reports"),
        "{stdout}"
    );
    assert!(
        stdout.contains("New Valley raid (2017-10-27): 1 report"),
        "{stdout}"
    );
}

#[test]
fn check_json_is_machine_readable() {
    let out = crosscheck(&["check", &sample_path(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["reports"], 4);
    assert_eq!(json["incidents"], 2);
}

#[test]
fn every_bad_input_exits_2_with_its_message_and_leaves_the_file() {
    for case in bad_inputs() {
        let (_dir, path) = temp_file(&format!("{}.ron", case.name), &case.bytes);
        let before = snapshot(&path);
        let out = crosscheck(&["check", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", case.name);
        for expected in &case.expect {
            assert!(
                stderr.contains(expected.as_str()),
                "{}: wanted {expected:?} in\n{stderr}",
                case.name
            );
        }
        assert!(stderr.contains("the file was not changed"), "{}", case.name);
        assert!(!stderr.contains("panicked"), "{}", case.name);
        assert_eq!(snapshot(&path), before, "{}: file untouched", case.name);

        // Opening it in the TUI fails the same way, before the terminal is touched.
        let out = crosscheck(&[path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", case.name);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(case.expect[0].as_str()),
            "{}",
            case.name
        );
        assert_eq!(
            snapshot(&path),
            before,
            "{}: file untouched by the TUI",
            case.name
        );
    }
}

#[test]
fn check_json_lists_problems_with_places() {
    let case = bad_inputs()
        .into_iter()
        .find(|c| c.name == "dangling-reference")
        .unwrap();
    let (_dir, path) = temp_file("bad.ron", &case.bytes);
    let out = crosscheck(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["problems"][0]["kind"], "DanglingReference");
    assert!(json["problems"][0]["line"].as_u64().unwrap() > 1);
}

#[test]
fn a_missing_file_exits_2() {
    let out = crosscheck(&["check", "/nonexistent/file.ron"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/file.ron: no such file"),
        "{stderr}"
    );
}

#[test]
fn list_shows_reports_under_every_incident_they_cover() {
    let out = crosscheck(&["list", &sample_path(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["incident"]["id"], "bahariya-ambush-2017-10-20");
    assert_eq!(groups[0]["reports"].as_array().unwrap().len(), 4);
    assert_eq!(
        groups[1]["reports"][0]["id"],
        "gulf-news-new-valley-2017-10-27"
    );
    assert_eq!(groups[1]["reports"][0]["outlet"]["inferred"], true);
}

#[test]
fn help_and_version() {
    let out = crosscheck(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("crosscheck "));
    let out = crosscheck(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("check") && help.contains("key map overrides"),
        "{help}"
    );
    let out = crosscheck(&["frobnicate", "x", "y"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn annotations_from_the_command_line_listed_and_exported() {
    let (dir, path) = temp_file("s.ron", common::sample().as_bytes());
    let file = path.to_str().unwrap();
    let claims = crosscheck(&["extract", file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&claims.stdout).unwrap();
    let id = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .starts_with("At least 55 policemen")
        })
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = crosscheck(&[
        "annotate",
        file,
        &id,
        "--verdict",
        "disputed",
        "--grade",
        "3",
        "--note",
        "AP only",
        "--tag",
        "toll",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = crosscheck(&["grade", file, "afp-bahariya-2017-10-21", "b"]);
    assert!(out.status.success());
    let out = crosscheck(&[
        "assess",
        file,
        "bahariya-ambush-2017-10-20",
        "security forces killed",
        "--best",
        "52",
        "--status",
        "investigating",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let listed = crosscheck(&["annotations", file, "--format", "json", "--log"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(json["claims"][0]["verdict"], "disputed");
    assert_eq!(json["claims"][0]["grade"], "3");
    assert_eq!(json["claims"][0]["attachment"], "attached");
    assert_eq!(
        json["sources"]["afp-bahariya-2017-10-21"]["reliability"],
        "B"
    );
    assert_eq!(json["log"].as_array().unwrap().len(), 3);

    let md = crosscheck(&["export", file, "--format", "markdown"]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("conflict (investigating) | 52 |"), "{md}");
    assert!(md.contains("verdict disputed; grade 3"), "{md}");
    let csv = crosscheck(&["export", file, "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .starts_with("incident,slot,status")
    );
    assert!(csv.contains(",disputed,3,"), "{csv}");
    let json = crosscheck(&["export", file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["incidents"][0]["slots"][0]["assessment"]["best"], "52");

    // Undo from the command line walks back the last action.
    assert!(crosscheck(&["undo", file]).status.success());
    let listed = crosscheck(&["annotations", file, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(json["slots"].as_object().unwrap().is_empty());

    // Bad input: exit 2, one clear message, nothing written.
    let journal = dir.path().join("s.annotations.journal");
    let before = snapshot(&journal);
    let out = crosscheck(&["annotate", file, "c000000000000", "--verdict", "false"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no claim c000000000000"));
    let out = crosscheck(&["grade", file, "afp-bahariya-2017-10-21", "Z"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(snapshot(&journal), before);

    // A damaged journal line: set aside in a file named in a warning, with its line; every
    // other entry kept, and work goes on.
    let text = std::fs::read_to_string(&journal).unwrap();
    let damaged = text.replacen("disputed", "disputd", 1);
    std::fs::write(&journal, &damaged).unwrap();
    let out = crosscheck(&["annotations", file]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("s.annotations.journal:2:"), "{err}");
    assert!(err.contains("s.annotations.journal.damaged"), "{err}");
    let aside = dir.path().join("s.annotations.journal.damaged");
    assert!(std::fs::read_to_string(&aside).unwrap().contains("disputd"));
    assert!(
        !std::fs::read_to_string(&journal)
            .unwrap()
            .contains("disputd")
    );
    let out = crosscheck(&["annotations", file]);
    assert!(out.stderr.is_empty(), "told once");
}

/// The incidents of `file` as `list --format json` gives them: (incident id, report ids).
fn grouping(file: &str) -> Vec<(String, Vec<String>)> {
    let out = crosscheck(&["list", file, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let reports = g["reports"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect();
            let id = g["incident"]["id"].as_str().unwrap_or("unassigned");
            (id.to_string(), reports)
        })
        .collect()
}

#[test]
fn incidents_regrouped_from_the_command_line_undone_and_the_file_untouched() {
    let (dir, path) = temp_file("s.ron", common::sample().as_bytes());
    let file = path.to_str().unwrap();
    let before = grouping(file);
    let (ambush, raid) = ("bahariya-ambush-2017-10-20", "new-valley-raid-2017-10-27");
    let out = crosscheck(&["incident", file, "move", "wapo-bahariya-2017-10-21", raid]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let moved = grouping(file);
    let under = |g: &[(String, Vec<String>)], id: &str| {
        g.iter()
            .find(|(i, _)| i == id)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    assert!(under(&moved, raid).contains(&"wapo-bahariya-2017-10-21".to_string()));
    assert!(!under(&moved, ambush).contains(&"wapo-bahariya-2017-10-21".to_string()));
    // The claims follow: the moved report's claims are about its new incident.
    let claims = crosscheck(&[
        "extract",
        file,
        "--report",
        "wapo-bahariya-2017-10-21",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&claims.stdout).unwrap();
    assert!(
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["incident"] == raid)
    );

    let out = crosscheck(&["incident", file, "merge", raid, ambush]);
    assert!(out.status.success());
    let merged = grouping(file);
    assert!(merged.iter().all(|(i, _)| i != raid), "{merged:?}");

    let out = crosscheck(&["incident", file, "merge", "no-such", ambush]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no incident \"no-such\""));

    for _ in 0..2 {
        assert!(crosscheck(&["undo", file]).status.success());
    }
    assert_eq!(grouping(file), before);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), common::sample());
    drop(dir);
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", &sample_path(), "--format", "json"])
        .env("CROSSCHECK_DATA_DIR", home.path().join("data"))
        .env("CROSSCHECK_CONFIG_DIR", home.path().join("config"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader leaves at once, as `| head -0` would: the output (90 KB) outgrows the pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
}
