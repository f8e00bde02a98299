//! Importing articles: the four sample texts into an empty data file give the same reports
//! and sensible incidents; duplicates are skipped; HTML and JSON Lines are read; a bad file
//! imports nothing and leaves the data file alone.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::snapshot;
use crosscheck::model::Field;

fn crosscheck(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("CROSSCHECK_DATA_DIR", home.path())
        .env("CROSSCHECK_CONFIG_DIR", home.path())
        .output()
        .unwrap()
}

/// The sample's bodies written as the seed files they came from (byte-identical; see
/// tests/store.rs), so the test needs nothing outside the repository.
fn seed_files(dir: &Path) -> Vec<PathBuf> {
    let corpus = crosscheck::store::parse(common::sample().as_bytes(), "s".as_ref()).unwrap();
    corpus
        .reports
        .iter()
        .map(|r| {
            let name = Path::new(&r.provenance.as_ref().unwrap().source)
                .file_name()
                .unwrap()
                .to_owned();
            let path = dir.join(name);
            std::fs::write(&path, &r.body).unwrap();
            path
        })
        .collect()
}

#[test]
fn the_four_seed_texts_import_as_the_sample_reports_under_sensible_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let files = seed_files(dir.path());
    let data = dir.path().join("new.ron");
    let mut args = vec!["import", data.to_str().unwrap()];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = crosscheck(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let imported = crosscheck::store::load(&data).unwrap().corpus;
    let sample = crosscheck::store::parse(common::sample().as_bytes(), "s".as_ref()).unwrap();
    assert_eq!(imported.reports.len(), 4);
    for (got, want) in imported.reports.iter().zip(&sample.reports) {
        assert_eq!(got.body, want.body, "bodies verbatim");
        // Stated metadata is the same; inferred metadata may differ.
        for (g, w) in [
            (&got.dateline, &want.dateline),
            (&got.wire, &want.wire),
            (&got.headline, &want.headline),
        ] {
            if let Field::Stated(_) = w {
                assert_eq!(g, w, "{}", got.id);
            }
        }
        assert!(
            got.provenance.as_ref().unwrap().text_hash.is_some(),
            "provenance keeps a hash"
        );
    }
    let afp = &imported.reports[0];
    assert_eq!(
        afp.wire.value().map(String::as_str),
        Some("AFP"),
        "credited by \"told AFP\""
    );
    assert!(afp.wire.is_inferred());

    // The three ambush reports share one incident; the fourth has its own and covers the
    // ambush too.
    let ambush = &imported.reports[0].incidents[0];
    assert_eq!(&imported.reports[1].incidents, &vec![ambush.clone()]);
    assert_eq!(&imported.reports[2].incidents, &vec![ambush.clone()]);
    let gulf = &imported.reports[3].incidents;
    assert_eq!(gulf.len(), 2);
    assert_ne!(&gulf[0], ambush);
    assert_eq!(&gulf[1], ambush);
    let ambush = imported.incident(ambush).unwrap();
    assert_eq!(
        ambush.date.map(|d| d.to_string()).as_deref(),
        Some("2017-10-20"),
        "dated by a report's lead"
    );
    assert!(
        imported
            .incident(&gulf[0])
            .unwrap()
            .place
            .contains("New Valley")
    );

    // Importing again adds nothing and leaves the file as it was.
    let before = snapshot(&data);
    let out = crosscheck(&args);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing new to import (4 already"));
    assert_eq!(snapshot(&data), before);
}

#[test]
fn articles_already_in_the_sample_are_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let files = seed_files(dir.path());
    let data = dir.path().join("sample.ron");
    std::fs::write(&data, common::sample()).unwrap();
    let out = crosscheck(&["import", data.to_str().unwrap(), files[0].to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("already in"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(std::fs::read_to_string(&data).unwrap(), common::sample());
}

#[test]
fn html_pages_and_json_lines_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html lang="en"><head><title>Gunmen kill 12 villagers in Zamfara</title>
        <meta property="og:site_name" content="The Daily Ledger">
        <meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
        <h1>Gunmen kill 12 villagers in Zamfara</h1>
        <p>GUSAU (Reuters) - Gunmen killed at least 12 villagers in an overnight raid in Zamfara state, police said on Tuesday, the latest in a wave of attacks on rural communities in the region.</p>
        <p>The attackers arrived on motorcycles and opened fire on residents before setting homes alight, a local official told Reuters by telephone from the area.</p>
        <p>No group claimed responsibility for the raid, which came days after a similar attack in the neighbouring district left several people dead and many more wounded.</p>
        </article><footer>Copyright</footer></body></html>"#,
    )
    .unwrap();
    let lines = dir.path().join("feed.jsonl");
    std::fs::write(
        &lines,
        concat!(
            r#"{"title": "Three soldiers killed in Kunar", "body": "Three soldiers were killed and five others wounded when their vehicle hit a roadside bomb in Kunar province, the ministry of defence said.", "outlet": "Coastal Times", "published": "2024-03-06", "url": "https://example.org/kunar"}"#,
            "\n\n",
            r#"{"title": "Blast in Peshawar", "text": "A suicide bomber blew himself up at a mosque in Peshawar, killing 59 worshippers.", "published": "2024-03-07T10:00:00+05:00"}"#,
            "\n"
        ),
    )
    .unwrap();
    let data = dir.path().join("data.ron");
    let out = crosscheck(&[
        "import",
        data.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = crosscheck::store::load(&data).unwrap().corpus;
    assert_eq!(corpus.reports.len(), 3);
    let kunar = corpus
        .reports
        .iter()
        .find(|r| r.url.as_deref() == Some("https://example.org/kunar"))
        .unwrap();
    assert_eq!(kunar.outlet, Field::Stated("Coastal Times".into()));
    assert_eq!(
        kunar
            .published
            .value()
            .map(std::string::ToString::to_string)
            .as_deref(),
        Some("2024-03-06")
    );
    let html = corpus
        .reports
        .iter()
        .find(|r| r.body.contains("Zamfara"))
        .unwrap();
    assert_eq!(
        html.headline,
        Field::Stated("Gunmen kill 12 villagers in Zamfara".into())
    );
    assert_eq!(html.outlet, Field::Stated("The Daily Ledger".into()));
    assert_eq!(
        html.wire,
        Field::Stated("Reuters".into()),
        "dateline GUSAU (Reuters) -"
    );
    assert!(html.published.value().is_some());
    assert!(
        !html.body.contains("Home") && !html.body.contains("Copyright"),
        "navigation and footer are not the article: {}",
        html.body
    );
}

#[test]
fn a_bad_file_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("sample.ron");
    std::fs::write(&data, common::sample()).unwrap();
    let before = snapshot(&data);
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Gunmen killed at least 12 villagers in an overnight raid, police said.",
    )
    .unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"title\": \"x\", \"body\": \"text\", \"published\": \"yesterday\"}\n",
    )
    .unwrap();
    let out = crosscheck(&[
        "import",
        data.to_str().unwrap(),
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.jsonl:1: `yesterday` is not a date or time"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(snapshot(&data), before);
}

#[test]
fn import_with_an_incident_files_everything_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = seed_files(dir.path());
    let data = dir.path().join("one.ron");
    let mut args = vec![
        "import",
        data.to_str().unwrap(),
        "--incident",
        "western-desert",
    ];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = crosscheck(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = crosscheck::store::load(&data).unwrap().corpus;
    assert_eq!(corpus.incidents.len(), 1, "{:?}", corpus.incidents);
    assert_eq!(corpus.incidents[0].id, "western-desert");
    assert!(
        corpus
            .reports
            .iter()
            .all(|r| r.incidents == ["western-desert"])
    );
    // An id that is no id is refused before anything is read or written.
    let out = crosscheck(&[
        "import",
        data.to_str().unwrap(),
        "--incident",
        "two words",
        files[0].to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn regroup_proposes_what_import_would_do_applies_it_as_one_step_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let files = seed_files(dir.path());
    let data = dir.path().join("one.ron");
    let file = data.to_str().unwrap();
    let mut args = vec!["import", file, "--incident", "everything"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    assert!(crosscheck(&args).status.success());
    let before = std::fs::read(&data).unwrap();

    // The raid's report (003) has an incident of its own under the current rules.
    let dry = crosscheck(&["regroup", file, "--dry-run"]);
    let text = String::from_utf8_lossy(&dry.stdout);
    assert!(dry.status.success(), "{text}");
    assert!(text.contains("would move"), "{text}");
    assert!(
        text.lines().filter(|l| l.contains(" -> ")).count() == 1,
        "one report moves:\n{text}"
    );
    let list = |args: &[&str]| String::from_utf8_lossy(&crosscheck(args).stdout).to_string();
    assert_eq!(
        list(&["list", file])
            .lines()
            .filter(|l| !l.starts_with(' '))
            .count(),
        1
    );

    let applied = crosscheck(&["regroup", file]);
    assert!(applied.status.success());
    assert_eq!(
        list(&["list", file])
            .lines()
            .filter(|l| !l.starts_with(' '))
            .count(),
        2
    );
    // Proposed again, nothing moves.
    assert!(list(&["regroup", file, "--dry-run"]).contains("as they are"));

    assert!(crosscheck(&["undo", file]).status.success());
    assert_eq!(
        list(&["list", file])
            .lines()
            .filter(|l| !l.starts_with(' '))
            .count(),
        1
    );
    assert_eq!(
        std::fs::read(&data).unwrap(),
        before,
        "the data file is never rewritten"
    );
}

#[test]
fn why_a_report_is_under_its_incident_stays_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = seed_files(dir.path());
    let data = dir.path().join("why.ron");
    let mut args = vec!["import", data.to_str().unwrap()];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    assert!(crosscheck(&args).status.success());
    let corpus = crosscheck::store::load(&data).unwrap().corpus;
    let why: Vec<&str> = corpus
        .reports
        .iter()
        .map(|r| r.provenance.as_ref().unwrap().grouped.as_deref().unwrap())
        .collect();
    assert!(why[0].starts_with("new incident"), "{why:?}");
    assert!(why[1].starts_with("attached: score"), "{why:?}");
    // The reader shows it.
    let mut session = common::tui::app_on(corpus, (120, 40));
    common::tui::press(&mut session, "j enter");
    let screen = common::tui::screen_text(&session);
    assert!(screen.contains("Grouped"), "{screen}");
}
