//! `crosscheck export` in the field's shapes, checked the way their tools read them: the ACLED
//! and UCDP sheets with Python's csv module, the MISP event with PyMISP (when installed; CI
//! requires it), the W3C annotations against the reports' own text.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test fails loudly

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Setup {
    _dir: tempfile::TempDir,
    file: PathBuf,
    home: PathBuf,
}

fn run(setup: &Setup, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("CROSSCHECK_DATA_DIR", setup.home.join("data"))
        .env("CROSSCHECK_CONFIG_DIR", setup.home.join("config"))
        .env("CROSSCHECK_USER", "tester")
        .output()
        .expect("run crosscheck");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The sample, with an analyst's work on it: two claims reviewed, one source graded, the
/// toll assessed.
fn annotated() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    std::fs::write(&file, crosscheck::sample::TEXT).unwrap();
    let setup = Setup {
        home: dir.path().join("home"),
        file,
        _dir: dir,
    };
    let f = setup.file.to_str().unwrap();
    let claims: serde_json::Value =
        serde_json::from_slice(&run(&setup, &["extract", f, "--format", "json"]).stdout).unwrap();
    let casualty: Vec<&str> = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "casualty")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    run(
        &setup,
        &[
            "annotate",
            f,
            casualty[0],
            "--verdict",
            "confirmed",
            "--grade",
            "2",
        ],
    );
    run(
        &setup,
        &[
            "annotate",
            f,
            casualty[1],
            "--note",
            "the ministry says 16",
            "--tag",
            "toll",
        ],
    );
    run(&setup, &["grade", f, "wapo-bahariya-2017-10-21", "B"]);
    setup
}

fn python(script: &str, arg: &Path) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(arg)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The named columns, as the issue and the formats' codebooks give them.
const ACLED: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

const CSV_CHECK: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
assert all(len(r) == len(header) for r in body), [len(r) for r in body]
print(json.dumps({"header": header, "rows": [dict(zip(header, r)) for r in body]}))
"#;

/// The sheet `format` as Python's csv module reads it: its header and its rows by column.
fn sheet(setup: &Setup, format: &str) -> (Vec<String>, Vec<serde_json::Value>) {
    let path = setup.file.with_extension(format);
    let f = setup.file.to_str().unwrap();
    run(
        setup,
        &[
            "export",
            f,
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ],
    );
    let read: serde_json::Value = serde_json::from_str(&python(CSV_CHECK, &path)).unwrap();
    let header = read["header"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .collect();
    (header, read["rows"].as_array().unwrap().clone())
}

#[test]
fn the_acled_sheet_has_acleds_columns_and_the_conservative_toll() {
    let setup = annotated();
    let (header, rows) = sheet(&setup, "acled");
    assert_eq!(header.join(","), ACLED);
    assert_eq!(rows.len(), 2, "one row per incident");
    let ambush = &rows[0];
    assert_eq!(ambush["event_id_cnty"], "bahariya-ambush-2017-10-20");
    assert_eq!(ambush["event_date"], "2017-10-20");
    assert_eq!(ambush["time_precision"], "1");
    assert_eq!(ambush["country"], "Egypt");
    // The victims' floor (52) and the attackers killed (15), each the most conservative
    // credible figure.
    assert_eq!(ambush["fatalities"], "67");
    let notes = ambush["notes"].as_str().unwrap();
    assert!(notes.contains("55+ (the Associated Press"), "{notes}");
    assert!(
        notes.contains("Disputed, security forces killed (16-55): "),
        "{notes}"
    );
    assert!(
        notes.contains("16 (the Egyptian Interior Ministry)"),
        "{notes}"
    );
    assert!(
        notes.contains("The Washington Post (wapo-bahariya-2017-10-21, graded B)"),
        "{notes}"
    );
    assert_eq!(ambush["tags"], "toll");
    // What needs ACLED's own coding is left empty, never guessed.
    for column in [
        "event_type",
        "disorder_type",
        "inter1",
        "iso",
        "latitude",
        "actor1",
    ] {
        assert_eq!(ambush[column], "", "{column}");
    }
}

#[test]
fn an_assessment_sets_the_acled_fatalities() {
    let setup = annotated();
    let f = setup.file.to_str().unwrap();
    run(
        &setup,
        &[
            "assess",
            f,
            "bahariya-ambush-2017-10-20",
            "victims killed",
            "--best",
            "54",
            "--range",
            "16-55",
        ],
    );
    let (_, rows) = sheet(&setup, "acled");
    assert_eq!(rows[0]["fatalities"], "31", "16 + the 15 attackers");
}

#[test]
fn the_ucdp_sheet_gives_low_best_high_and_the_sources() {
    let setup = annotated();
    let (header, rows) = sheet(&setup, "ucdp");
    for column in [
        "low",
        "best",
        "high",
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "number_of_sources",
        "source_article",
        "source_office",
        "source_date",
        "source_headline",
        "where_description",
        "date_start",
        "date_end",
        "where_prec",
        "date_prec",
    ] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    let row = &rows[0];
    assert_eq!(row["relid"], "bahariya-ambush-2017-10-20");
    assert_eq!(row["number_of_sources"], "4");
    assert_eq!(
        (
            row["low"].as_str(),
            row["best"].as_str(),
            row["high"].as_str()
        ),
        (Some("67"), Some("69"), Some("70"))
    );
    assert_eq!(row["date_prec"], "1");
    assert_eq!(row["where_prec"], "6", "only the country is known");
    assert!(
        row["source_office"]
            .as_str()
            .unwrap()
            .contains("The Washington Post")
    );
    assert_eq!(row["deaths_a"], "", "sides need UCDP's coding");
}

#[test]
fn the_misp_event_carries_the_admiralty_tags() {
    let setup = annotated();
    let f = setup.file.to_str().unwrap();
    // A claim graded with no note and in no slot of the comparison keeps its grade too.
    let compared: serde_json::Value = serde_json::from_slice(
        &run(
            &setup,
            &[
                "compare",
                f,
                "--incident",
                "bahariya-ambush-2017-10-20",
                "--format",
                "json",
            ],
        )
        .stdout,
    )
    .unwrap();
    let in_slots: Vec<&str> = compared["slots"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["values"].as_array().unwrap())
        .map(|v| v["claim"].as_str().unwrap())
        .collect();
    let claims: serde_json::Value =
        serde_json::from_slice(&run(&setup, &["extract", f, "--format", "json"]).stdout).unwrap();
    let apart = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["incident"] == "bahariya-ambush-2017-10-20"
                && !in_slots.contains(&c["id"].as_str().unwrap())
        })
        .expect("a claim outside the slots");
    run(
        &setup,
        &["annotate", f, apart["id"].as_str().unwrap(), "--grade", "4"],
    );
    let path = setup.file.with_extension("misp.json");
    run(
        &setup,
        &[
            "export",
            f,
            "--format",
            "misp",
            "--incident",
            "bahariya-ambush-2017-10-20",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    let event: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let e = &event["Event"];
    assert_eq!(e["info"], "Bahariya Oasis ambush");
    let tags: Vec<String> = e["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["Tag"].as_array().unwrap().iter())
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert!(tags.contains(&"admiralty-scale:source-reliability=\"b\"".to_string()));
    assert!(tags.contains(&"admiralty-scale:information-credibility=\"2\"".to_string()));
    assert!(tags.contains(&"admiralty-scale:information-credibility=\"4\"".to_string()));
    // PyMISP, as MISP's own tools load it.
    let has_pymisp = Command::new("python3")
        .args(["-c", "import pymisp"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pymisp {
        assert!(
            std::env::var_os("CROSSCHECK_REQUIRE_PYMISP").is_none(),
            "PyMISP is required here (pip install pymisp)"
        );
        println!("PyMISP not installed: the event's shape was checked, not loaded");
        return;
    }
    let loaded = python(
        r#"
import sys
from pymisp import MISPEvent
e = MISPEvent()
e.load_file(sys.argv[1])
tags = sorted({t.name for a in e.attributes for t in a.tags})
print(e.info, len(e.attributes), *tags, sep="\n")
"#,
        &path,
    );
    assert!(loaded.starts_with("Bahariya Oasis ambush\n"), "{loaded}");
    assert!(
        loaded.contains("admiralty-scale:source-reliability=\"b\""),
        "{loaded}"
    );
    assert!(
        loaded.contains("admiralty-scale:information-credibility=\"2\""),
        "{loaded}"
    );
}

#[test]
fn every_w3c_quote_is_found_in_its_report_where_its_position_says() {
    let setup = annotated();
    let f = setup.file.to_str().unwrap();
    let page: serde_json::Value =
        serde_json::from_slice(&run(&setup, &["export", f, "--format", "w3c"]).stdout).unwrap();
    assert_eq!(page["@context"], "http://www.w3.org/ns/anno.jsonld");
    let corpus: crosscheck::model::Corpus = ron::from_str(crosscheck::sample::TEXT).unwrap();
    let items = page["items"].as_array().unwrap();
    let mut quotes = 0;
    for a in items {
        assert_eq!(a["type"], "Annotation");
        assert!(a["id"].as_str().unwrap().starts_with("urn:uuid:"));
        let Some(selectors) = a["target"]["selector"].as_array() else {
            continue;
        };
        let source = a["target"]["source"].as_str().unwrap();
        let id = source.strip_prefix("urn:crosscheck:report:").unwrap();
        let body: Vec<char> = corpus.report(id).unwrap().body.chars().collect();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let exact: String = body[start..end].iter().collect();
        assert_eq!(exact, quote["exact"].as_str().unwrap());
        let prefix = quote["prefix"].as_str().unwrap();
        let before: String = body[..start].iter().collect();
        assert!(before.ends_with(prefix));
        quotes += 1;
    }
    assert_eq!(quotes, 2, "the two annotated claims");
    assert!(
        items
            .iter()
            .any(|a| a["target"] == "urn:crosscheck:report:wapo-bahariya-2017-10-21"),
        "the source grade"
    );
}
