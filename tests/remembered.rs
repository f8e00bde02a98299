//! What survives quit and reopen: the report, claim, pane and slot the analyst was on, and
//! the theme chosen from the palette — through the state file, into an app whose claims are
//! still being extracted, as when the terminal opens.

#![allow(clippy::unwrap_used, clippy::panic)] // a test fails loudly

mod common;

use common::tui::{press, select_claim_with, type_text};
use crosscheck::tui::app::Pane;
use crosscheck::tui::app::spot::Spot;
use crosscheck::tui::config::Config;
use crosscheck::tui::config::theme::{Theme, ThemeName};
use crosscheck::tui::runtime::remembered::Remembered;
use crosscheck::tui::update::restore::restore;
use crosscheck::tui::{App, Document, Session, update};

const WAPO: usize = 1;

/// The sample in `dir`, opened as the terminal opens it: the state file's theme and spot
/// applied before the first claim is extracted.
fn open(dir: &std::path::Path) -> Session {
    let path = dir.join("sample.ron");
    if !path.exists() {
        std::fs::write(&path, crosscheck::sample::TEXT).unwrap();
    }
    let corpus = crosscheck::store::load(&path).unwrap().corpus;
    let remembered = Remembered::load(&dir.join("state.ron"));
    let (config, problems) =
        Config::new(Config::defaults().keymap, remembered.theme(), None, false);
    assert!(problems.is_none());
    let mut app = App::new(Document::new(corpus, "sample.ron"), config, (100, 30));
    update::fit(&mut app);
    if let Some(spot) = remembered.spot("sample.ron") {
        restore(&mut app, spot);
    }
    let journal = crosscheck::annotate::Journal::open(&path, "ana").unwrap();
    let mut session = Session::inline(app, Some(journal));
    session.start();
    session.settle();
    session
}

/// Quit as the terminal does: the spot and the theme into the state file.
fn quit(s: &Session, dir: &std::path::Path) {
    let path = dir.join("state.ron");
    let mut remembered = Remembered::load(&path);
    remembered.remember("sample.ron", Spot::of(&s.app), s.app.config.theme_name);
    remembered.save(&path).unwrap();
}

#[test]
fn the_claim_pane_slot_and_theme_survive_quit_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(dir.path());
    assert_eq!(s.app.config.theme_name, ThemeName::Default);
    select_claim_with(&mut s, WAPO, "At least 55 policemen");
    let claim = s.app.selected_claim().unwrap().id.clone();
    // The second slot of the comparison, then the light theme from the palette.
    press(&mut s, "alt-3 g j");
    let slot = s.app.view.comparison.selected;
    assert_eq!(slot, 1);
    press(&mut s, ":");
    type_text(&mut s, "theme: light");
    press(&mut s, "enter");
    assert_eq!(s.app.view.status.as_deref(), Some("theme: light"));
    assert_eq!(s.app.config.theme, Theme::built_in(ThemeName::Light));
    quit(&s, dir.path());

    let s = open(dir.path());
    assert_eq!(s.app.selected_report(), Some(WAPO));
    assert_eq!(
        s.app.selected_claim().map(|c| c.id.as_str()),
        Some(claim.as_str())
    );
    assert_eq!(s.app.view.focus, Pane::Comparison);
    assert_eq!(s.app.view.comparison.selected, slot);
    assert_eq!(s.app.config.theme_name, ThemeName::Light);
    assert_eq!(s.app.config.theme, Theme::built_in(ThemeName::Light));
}

#[test]
fn a_spot_the_file_no_longer_holds_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut remembered = Remembered::default();
    let gone = Spot {
        report: Some("no-such-report".into()),
        claim: Some("c0".into()),
        focus: "Claims".into(),
        slot: 99,
        ..Spot::default()
    };
    remembered.remember("sample.ron", Some(gone), ThemeName::HighContrast);
    remembered.save(&dir.path().join("state.ron")).unwrap();
    let s = open(dir.path());
    assert_eq!(s.app.view.focus, Pane::Articles);
    assert_eq!(
        s.app.view.list.selected, 1,
        "the first article, as on a first run"
    );
    assert_eq!(s.app.config.theme_name, ThemeName::HighContrast);
}
