//! The store, from outside: round trips, every bad input explained with its place and left
//! untouched, and saving that is atomic, keeps a backup and refuses to clobber others' changes.

mod common;

use std::path::Path;

use common::{bad_inputs, sample, snapshot, temp_file};
use crosscheck::model::{CURRENT_VERSION, Field, Published};
use crosscheck::store::{self, ProblemKind, SaveError};

#[test]
fn the_sample_loads_with_its_incidents_and_verbatim_bodies() {
    let corpus = store::parse(sample().as_bytes(), Path::new("sample.ron")).expect("sample loads");
    assert_eq!(corpus.version, CURRENT_VERSION);
    assert_eq!(corpus.reports.len(), 4);
    let ids: Vec<&str> = corpus.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["bahariya-ambush-2017-10-20", "new-valley-raid-2017-10-27"]
    );
    let afp = corpus.report("afp-bahariya-2017-10-21").unwrap();
    assert!(
        afp.body.contains("“planes flew over the area”"),
        "curly quotes kept"
    );
    assert!(afp.body.contains("– Army hit hard –"), "dashes kept");
    assert!(
        afp.body.contains("told\u{a0}AFP\u{a0}"),
        "non-breaking spaces kept"
    );
    // Metadata the text does not print is marked as inferred, with a reason.
    assert!(afp.outlet.is_unknown());
    assert!(afp.wire.is_inferred() && afp.wire.why().unwrap().contains("told AFP"));
    assert_eq!(
        afp.published,
        Field::Inferred {
            value: "2017-10-21".parse::<Published>().unwrap(),
            why: afp.published.why().unwrap().to_string()
        }
    );
    let gulf = corpus.report("gulf-news-new-valley-2017-10-27").unwrap();
    assert_eq!(gulf.incidents.len(), 2, "a report may cover two incidents");
    assert_eq!(gulf.dateline, Field::Stated("Cairo:".to_string()));
}

#[test]
fn bodies_match_the_seed_texts_when_they_are_here() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("SKIPPED: {} is not here to compare with", seeds.display());
        return;
    }
    let corpus = store::parse(sample().as_bytes(), Path::new("sample.ron")).unwrap();
    for report in &corpus.reports {
        let source = &report.provenance.as_ref().unwrap().source;
        let file = seeds.join(Path::new(source).file_name().unwrap());
        assert_eq!(
            report.body,
            std::fs::read_to_string(&file).unwrap(),
            "{}",
            report.id
        );
    }
}

#[test]
fn saving_and_loading_round_trips() {
    let corpus = store::parse(sample().as_bytes(), Path::new("sample.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.ron");
    store::save(&corpus, &path, None).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.corpus, corpus);
    // Saving what was loaded gives the same bytes again: the format is stable.
    let first = std::fs::read(&path).unwrap();
    store::save(&loaded.corpus, &path, Some(&loaded.fingerprint)).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn every_bad_input_is_explained_and_the_file_left_alone() {
    for case in bad_inputs() {
        let (_dir, path) = temp_file(&format!("{}.ron", case.name), &case.bytes);
        let before = snapshot(&path);
        let err = store::load(&path).expect_err(case.name);
        let message = err.to_string();
        assert!(
            err.kinds().contains(&case.kind),
            "{}: {:?}\n{message}",
            case.name,
            err.kinds()
        );
        for expected in &case.expect {
            assert!(
                message.contains(expected.as_str()),
                "{}: wanted {expected:?} in\n{message}",
                case.name
            );
        }
        assert!(
            message.contains(&path.display().to_string()),
            "{}: names the file",
            case.name
        );
        assert!(message.contains("help: "), "{}: says what to do", case.name);
        assert_eq!(snapshot(&path), before, "{}: file untouched", case.name);
        assert!(
            !store::backup_path(&path).exists(),
            "{}: no backup written",
            case.name
        );
    }
}

#[test]
fn a_missing_file_says_so_and_what_to_do() {
    let err = store::load(Path::new("/nonexistent/nowhere.ron")).unwrap_err();
    assert_eq!(err.kinds(), [ProblemKind::Missing]);
    let message = err.to_string();
    assert!(
        message.starts_with("error: /nonexistent/nowhere.ron: no such file"),
        "{message}"
    );
    assert!(message.contains("help: check the path"), "{message}");
}

#[test]
fn saving_keeps_the_previous_version_as_backup() {
    let (_dir, path) = temp_file("data.ron", sample().as_bytes());
    let mut loaded = store::load(&path).unwrap();
    loaded.corpus.incidents[0].title = "Renamed".into();
    let fingerprint = store::save(&loaded.corpus, &path, Some(&loaded.fingerprint)).unwrap();
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path)).unwrap(),
        sample()
    );
    assert_eq!(
        store::load(&path).unwrap().corpus.incidents[0].title,
        "Renamed"
    );
    assert_eq!(store::load(&path).unwrap().fingerprint, fingerprint);
    // No temp files left behind: the file, its backup and the (empty) lock writers take.
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".data.ron.lock", "data.ron", "data.ron.bak"]);
}

#[test]
fn saving_refuses_to_overwrite_changes_made_on_disk() {
    let (_dir, path) = temp_file("data.ron", sample().as_bytes());
    let loaded = store::load(&path).unwrap();
    let theirs = sample().replace("New Valley raid", "New Valley raid (edited elsewhere)");
    std::fs::write(&path, &theirs).unwrap();
    let err = store::save(&loaded.corpus, &path, Some(&loaded.fingerprint)).unwrap_err();
    match &err {
        SaveError::ChangedOnDisk { alternative, .. } => {
            assert_eq!(alternative, &path.with_file_name("data.1.ron"));
            assert!(!alternative.exists());
        }
        other => panic!("expected ChangedOnDisk, got {other:?}"),
    }
    assert!(err.to_string().contains("save to"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their changes kept"
    );
    // The offered path works.
    let SaveError::ChangedOnDisk { alternative, .. } = err else {
        unreachable!()
    };
    store::save(&loaded.corpus, &alternative, None).unwrap();
    assert_eq!(store::load(&alternative).unwrap().corpus, loaded.corpus);
}

#[test]
fn saving_a_new_file_never_replaces_an_existing_one() {
    let (_dir, path) = temp_file("data.ron", b"precious");
    let corpus = store::parse(sample().as_bytes(), Path::new("x")).unwrap();
    let err = store::save(&corpus, &path, None).unwrap_err();
    assert!(matches!(err, SaveError::AlreadyExists { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
}

#[test]
fn the_documented_example_is_a_valid_data_file() {
    let doc = include_str!("../docs/data-format.md");
    let example = doc
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("example block");
    let corpus = store::parse(example.as_bytes(), Path::new("docs/data-format.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let report = &corpus.reports[0];
    assert_eq!(report.url.as_deref(), Some("https://example.com/article"));
    assert!(report.outlet.is_inferred() && !report.wire.is_inferred());
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_updates_the_real_file_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, real) = temp_file("real.ron", sample().as_bytes());
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut loaded = store::load(&link).unwrap();
    loaded.corpus.incidents[0].title = "Renamed".into();
    store::save(&loaded.corpus, &link, Some(&loaded.fingerprint)).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(
        store::load(&real).unwrap().corpus.incidents[0].title,
        "Renamed"
    );
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&real), 0o600);
    assert_eq!(
        mode(&store::backup_path(&real)),
        0o600,
        "the backup is as private"
    );
}

#[test]
fn a_temp_file_left_by_a_killed_writer_is_cleared_by_the_next_save() {
    let (dir, path) = temp_file("data.ron", sample().as_bytes());
    let stale = dir.path().join(".data.ron.Ab12Cd");
    std::fs::write(&stale, "half a file").unwrap();
    let loaded = store::load(&path).unwrap();
    store::save(&loaded.corpus, &path, Some(&loaded.fingerprint)).unwrap();
    assert!(!stale.exists());
}
