//! Comparison of sources on the sample's Bahariya ambush: the slots an analyst draws up, the
//! conflicts, the AFP origin, the breakdown flag, and nothing from other events.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

mod common;

use std::process::Command;

use crosscheck::compare::{Comparison, Status, compare};
use crosscheck::extract::Extractor;

const AMBUSH: &str = "bahariya-ambush-2017-10-20";

fn ambush() -> Comparison {
    let corpus = crosscheck::store::parse(common::sample().as_bytes(), "s".as_ref()).unwrap();
    let extractor = Extractor::default();
    let claims = extractor.corpus(&corpus);
    compare(&corpus, &claims, AMBUSH, extractor.lexicon())
}

fn slot<'c>(c: &'c Comparison, name: &str) -> &'c crosscheck::compare::Slot {
    c.slots.iter().find(|s| s.slot == name).unwrap_or_else(|| {
        panic!(
            "no slot {name}: {:?}",
            c.slots.iter().map(|s| &s.slot).collect::<Vec<_>>()
        )
    })
}

fn lows(s: &crosscheck::compare::Slot) -> Vec<u64> {
    s.values
        .iter()
        .filter_map(|v| v.low.map(|l| l as u64))
        .collect()
}

#[test]
fn police_killed_shows_every_figure_with_its_source_and_conflicts() {
    let c = ambush();
    let police = slot(&c, "security forces killed");
    assert_eq!(police.status, Status::Conflict);
    let figures = lows(police);
    for n in [35, 52, 55, 16, 54] {
        assert!(figures.contains(&n), "{n} in {figures:?}");
    }
    assert_eq!(
        figures.iter().filter(|&&n| n == 35).count(),
        2,
        "the AFP 35 and the caption's 35"
    );
    let ap = police.values.iter().find(|v| v.low == Some(55.0)).unwrap();
    assert_eq!(
        ap.attribution,
        "the Associated Press citing security officials"
    );
    assert_eq!(ap.origin, "agency: AP");
    // The AFP revised its own figure: 35 is superseded by 52, not a contradiction.
    let afp35 = police
        .values
        .iter()
        .find(|v| v.low == Some(35.0) && v.report.starts_with("afp"))
        .unwrap();
    assert!(afp35.superseded);
    let e = police.estimate.as_ref().unwrap();
    assert_eq!((e.low, e.best, e.high, e.floor), (16, 52, 55, 16));
    assert!(
        e.why.contains("superseded") && e.why.contains("vague"),
        "{}",
        e.why
    );
}

#[test]
fn the_first_and_third_reports_are_one_afp_origin() {
    let c = ambush();
    let afp = c
        .origins
        .iter()
        .find(|o| o.reports.len() > 1)
        .expect("a shared origin");
    assert_eq!(
        afp.reports,
        [
            "afp-bahariya-2017-10-21",
            "taipei-times-afp-bahariya-2017-10-21"
        ]
    );
    assert!(
        afp.why.contains("same agency AFP") && afp.why.contains("shared passages"),
        "{}",
        afp.why
    );
    assert_eq!((c.counts.articles, c.counts.independent_origins), (4, 3));
}

#[test]
fn militants_direction_and_the_breakdown() {
    let c = ambush();
    let militants = slot(&c, "militants killed");
    let words: Vec<&str> = militants.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(
        militants.values.len(),
        4,
        "several, 15, few if any, some: {words:?}"
    );
    assert!(lows(militants).contains(&15));
    let direction = slot(&c, "direction from Cairo");
    assert_eq!(direction.status, Status::Conflict);
    let dirs: Vec<&str> = direction.values.iter().map(|v| v.value.as_str()).collect();
    assert!(
        dirs.contains(&"southwest") && dirs.contains(&"southeast"),
        "{dirs:?}"
    );
    assert!(
        c.flags.iter().any(|f| f.message.contains("add up to 54")),
        "{:?}",
        c.flags
    );
}

#[test]
fn nothing_from_other_events_enters_the_ambush() {
    let c = ambush();
    let corpus = crosscheck::store::parse(common::sample().as_bytes(), "s".as_ref()).unwrap();
    let claims = Extractor::default().corpus(&corpus);
    let all: Vec<&crosscheck::model::Claim> = claims.iter().flatten().collect();
    for value in c.slots.iter().flat_map(|s| &s.values) {
        let claim = all.iter().find(|x| x.id == value.claim).unwrap();
        assert_eq!(claim.incident, AMBUSH, "{} in {}", claim.text, value.report);
        for other in [
            "7 July",
            "July 7",
            "September",
            "October 13",
            "Last Sunday",
            "12 “dangerous",
            "Fayyoum",
            "two dozen militants",
            "21 soldiers",
            "18 p",
        ] {
            assert!(!claim.text.contains(other), "{other} in the ambush's slots");
        }
    }
    assert!(
        !c.slots.iter().any(|s| s.slot.contains("soldiers")),
        "the Sinai soldiers are background"
    );
}

#[test]
fn the_cli_prints_the_same_as_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "compare",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/western-desert-2017.ron"),
            "--incident",
            AMBUSH,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["incident"], AMBUSH);
    let police = json["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["slot"] == "security forces killed")
        .unwrap();
    assert_eq!(police["status"], "conflict");
    assert_eq!(police["estimate"]["best"], 52);
    assert!(
        police["values"][0]["low"].is_u64(),
        "counts print as whole numbers"
    );
    assert!(json["origins"][0]["why"].as_str().unwrap().contains("AFP"));
    let all = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "compare",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/western-desert-2017.ron"),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(json["incidents"].as_array().unwrap().len(), 2);
    let md = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "compare",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/western-desert-2017.ron"),
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&md.stdout).contains("| security forces killed | **conflict** |")
    );
}
