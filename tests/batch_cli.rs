//! The batch filters as pipelines run them (one process, or the input split over several
//! with `xargs -P` and GNU parallel), and the rest of the complete command line: a closed
//! pipe, search, completions, the manual page, the default configuration.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test fails loudly

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn crosscheck(args: &[&str], home: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .env("CROSSCHECK_DATA_DIR", home.join("data"))
        .env("CROSSCHECK_CONFIG_DIR", home.join("config"));
    c
}

fn piped(args: &[&str], input: &[u8], home: &Path) -> Output {
    let mut child = crosscheck(args, home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

/// `n` realistic articles as JSON Lines.
fn articles(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("articles.jsonl");
    let n = n.to_string();
    let out = crosscheck(
        &[
            "gen-corpus",
            "--reports",
            &n,
            "--jsonl",
            path.to_str().unwrap(),
        ],
        dir,
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

/// Run `script` under sh in `dir`, with `$CC` the binary.
fn shell(script: &str, dir: &Path) -> Output {
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("CC_BIN", BIN)
        .env("CROSSCHECK_DATA_DIR", dir.join("data"))
        .env("CROSSCHECK_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn split_runs_of_the_article_filter_give_the_one_process_lines() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles(dir.path(), 240);
    let whole = piped(
        &["extract", "--jsonl"],
        &std::fs::read(&input).unwrap(),
        dir.path(),
    );
    assert!(whole.status.success());
    let lines: Vec<&str> = std::str::from_utf8(&whole.stdout)
        .unwrap()
        .lines()
        .collect();
    assert_eq!(lines.len(), 240);
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["claims"].is_array() && v["id"].is_string(), "{line}");
        assert!(v.get("error").is_none(), "{line}");
    }
    // Four pieces, four processes at once, put back in order.
    let split = shell(
        "split -n l/4 -d articles.jsonl part. && \
         ls part.0? | xargs -P 4 -I{} sh -c '\"$CC_BIN\" extract --jsonl < {} > {}.out' && \
         cat part.0?.out",
        dir.path(),
    );
    assert_eq!(split.stdout, whole.stdout, "xargs -P 4");
    let has_parallel = Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if has_parallel {
        let parallel = shell(
            "parallel --will-cite --pipe --keep-order -j 4 -N 60 '\"$CC_BIN\" extract --jsonl' < articles.jsonl",
            dir.path(),
        );
        assert_eq!(
            parallel.stdout, whole.stdout,
            "GNU parallel --pipe --keep-order"
        );
    } else {
        println!("GNU parallel not installed: xargs -P only");
    }
}

#[test]
fn split_runs_of_the_group_filter_give_the_one_process_lines() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles(dir.path(), 60);
    // Groups of three articles, one incident a line.
    let text = std::fs::read_to_string(&input).unwrap();
    let all: Vec<&str> = text.lines().collect();
    let groups: String = all
        .chunks(3)
        .enumerate()
        .map(|(n, g)| format!("{{\"id\": \"g{n}\", \"articles\": [{}]}}\n", g.join(",")))
        .collect();
    std::fs::write(dir.path().join("groups.jsonl"), &groups).unwrap();
    let whole = piped(&["compare", "--jsonl"], groups.as_bytes(), dir.path());
    assert!(whole.status.success());
    let lines: Vec<&str> = std::str::from_utf8(&whole.stdout)
        .unwrap()
        .lines()
        .collect();
    assert_eq!(lines.len(), 20);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["incident"], "g0");
    assert_eq!(first["counts"]["articles"], 3);
    let split = shell(
        "split -n l/4 -d groups.jsonl part. && \
         ls part.0? | xargs -P 4 -I{} sh -c '\"$CC_BIN\" compare --jsonl < {} > {}.out' && \
         cat part.0?.out",
        dir.path(),
    );
    assert_eq!(split.stdout, whole.stdout);
}

#[test]
fn a_bad_line_is_answered_in_its_place_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"title\": \"a\", \"text\": \"Two people were killed in Dayton, police said.\"}\n\
                 not json\n\n{\"title\": \"b\"}\n\
                 {\"id\": 3, \"text\": \"One man was wounded.\"}\n";
    let out = piped(&["extract", "--jsonl"], input.as_bytes(), dir.path());
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "the blank line is passed over");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("not an article")
    );
    assert!(lines[2]["error"].as_str().unwrap().contains("body"));
    assert_eq!(lines[3]["id"], "3");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("stdin:2:") && stderr.contains("stdin:4:"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.ron");
    let out = crosscheck(
        &["gen-corpus", "--reports", "400", file.to_str().unwrap()],
        dir.path(),
    )
    .output()
    .unwrap();
    assert!(out.status.success());
    let f = file.to_str().unwrap();
    for args in [
        vec!["list", f],
        vec!["list", f, "--format", "json"],
        vec!["extract", f],
        vec!["extract", f, "--format", "json"],
        vec!["compare", f, "--format", "json"],
        vec!["export", f, "--format", "json"],
        vec!["man"],
    ] {
        // `crosscheck … | head -1`: one line read, then the pipe closed.
        let mut child = crosscheck(&args, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn search_finds_what_the_tui_finds() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    std::fs::write(&file, crosscheck::sample::TEXT).unwrap();
    let out = crosscheck(
        &["search", file.to_str().unwrap(), "hasm", "--format", "json"],
        dir.path(),
    )
    .output()
    .unwrap();
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        hits.iter()
            .any(|h| h["kind"] == "claim" && h["text"] == "Hasm")
    );
    let out = crosscheck(
        &[
            "search",
            file.to_str().unwrap(),
            "police",
            "--kind",
            "headline",
            "--format",
            "json",
        ],
        dir.path(),
    )
    .output()
    .unwrap();
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !hits.is_empty() && hits.iter().all(|h| h["kind"] == "headline"),
        "{hits:?}"
    );
}

#[test]
fn completions_and_the_manual_page_are_made_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = crosscheck(&["completions", shell], dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("crosscheck") && text.contains("gen-corpus"),
            "{shell}"
        );
    }
    let out = crosscheck(&["man"], dir.path()).output().unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH crosscheck 1"), "{page}");
    for sub in ["extract", "compare", "export", "search", "completions"] {
        assert!(page.contains(sub), "{sub}");
    }
}

#[test]
fn config_prints_the_defaults_and_help_names_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = crosscheck(&["config", "--print-defaults", "keymap"], dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.stdout,
        crosscheck::tui::config::keymap::DEFAULT_KEYMAP.as_bytes()
    );
    let out = crosscheck(&["config", "--print-defaults"], dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("keymap.ron") && text.contains("theme.ron"));
    let out = crosscheck(&["config", "--write-defaults"], dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let written = std::fs::read_to_string(dir.path().join("config/theme.ron")).unwrap();
    assert_eq!(written, crosscheck::tui::config::theme::DEFAULT_THEME);
    let help = crosscheck(&["--help"], dir.path()).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains(&dir.path().join("config/keymap.ron").display().to_string()),
        "{help}"
    );
    assert!(
        help.contains(&dir.path().join("config/theme.ron").display().to_string()),
        "{help}"
    );
}
