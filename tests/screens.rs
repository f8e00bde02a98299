//! Screen snapshots at the sizes the TUI must handle (40x12, 80x24, 200x60), and checks on
//! what snapshots cannot see: styles that carry meaning, and hostile text.

mod common;

use common::tui::{app_on, press, render, sample_app, screen_text};
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (200, 60)];

#[test]
fn main_screen_at_every_size() {
    for (w, h) in SIZES {
        let session = sample_app((w, h));
        insta::assert_snapshot!(format!("main_{w}x{h}"), render(&session).backend());
    }
}

#[test]
fn reader_at_every_size() {
    for (w, h) in SIZES {
        let mut session = sample_app((w, h));
        press(&mut session, "j enter");
        insta::assert_snapshot!(format!("reader_{w}x{h}"), render(&session).backend());
    }
}

#[test]
fn help_at_every_size() {
    for (w, h) in SIZES {
        let mut session = sample_app((w, h));
        press(&mut session, "?");
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&session).backend());
    }
}

#[test]
fn folded_incident_and_other_panes_at_80x24() {
    let mut session = sample_app((80, 24));
    press(&mut session, "k space tab");
    insta::assert_snapshot!("folded_claims_focused_80x24", render(&session).backend());
}

#[test]
fn too_small_terminal_says_so() {
    let session = sample_app((25, 6));
    let text = screen_text(&session);
    assert!(text.contains("Terminal too small (25x6)"), "{text}");
}

#[test]
fn every_pane_of_the_compact_layout_draws() {
    let mut session = sample_app((40, 12));
    press(&mut session, "enter");
    assert!(
        screen_text(&session)
            .lines()
            .nth(1)
            .unwrap()
            .contains("Reader")
    );
    for expected in ["Claims", "Comparison", "Articles", "Reader"] {
        press(&mut session, "tab");
        let text = screen_text(&session);
        let first_pane_line = text.lines().nth(1).unwrap();
        assert!(first_pane_line.contains(expected), "{expected}: {text}");
    }
}

#[test]
fn the_selection_shows_without_colour() {
    let mut session = sample_app((80, 24));
    session.app.config.theme = session.app.config.theme.clone().without_colour();
    let terminal = render(&session);
    let buffer = terminal.backend().buffer();
    let mark = (0..buffer.area.height)
        .find_map(|y| {
            (0..30)
                .find(|&x| buffer[(x, y)].symbol() == "▶")
                .map(|x| (x, y))
        })
        .expect("a selection marker is drawn in the focused article list");
    let cell = &buffer[(mark.0 + 3, mark.1)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "selected row is reversed"
    );
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let c = &buffer[(x, y)];
            assert_eq!(
                (c.fg, c.bg),
                (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
                "no colour at {x},{y}"
            );
        }
    }
}

fn hostile_corpus() -> crosscheck::model::Corpus {
    let text = r#"(
        version: 1,
        incidents: [(id: "i", title: "Attaque \u{1b}[2J à Tripoli — 攻撃", date: "2024-01-02")],
        reports: [(
            id: "evil",
            headline: Stated("\u{1b}]0;pwned\u{7}Headline with OSC"),
            outlet: Stated("الجزيرة"),
            incidents: ["i"],
            body: "Clean line.\n\u{1b}[31mRED\u{1b}[0m and \u{9b}31m C1 and a bell\u{7}.\nمحمد قال إن ٣٥ شرطيا قتلوا.\n日本語の記事、全角の文字。\n“Curly” quotes – and dashes.\tTabbed.",
        )],
    )"#;
    crosscheck::store::parse(text.as_bytes(), "hostile.ron".as_ref())
        .expect("hostile corpus parses")
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    for (w, h) in SIZES {
        let mut session = app_on(hostile_corpus(), (w, h));
        press(&mut session, "enter");
        let text = screen_text(&session);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{w}x{h}: raw control char on screen:\n{text}"
        );
        if w >= 80 {
            assert!(
                text.contains("␛[31mRED␛[0m"),
                "{w}x{h}: escapes shown as symbols:\n{text}"
            );
            assert!(
                text.contains("日本語の記事"),
                "{w}x{h}: wide characters drawn:\n{text}"
            );
            assert!(
                text.contains("الجزيرة") || text.contains("الجزير"),
                "{w}x{h}: right-to-left text drawn:\n{text}"
            );
        }
        insta::assert_snapshot!(
            format!("hostile_reader_{w}x{h}"),
            render(&session).backend()
        );
    }
}

#[test]
fn a_claim_highlighted_in_the_reader_at_80x24_and_200x60() {
    for (w, h) in [(80, 24), (200, 60)] {
        let mut session = sample_app((w, h));
        // The 55 killed of the second report.
        press(&mut session, "j tab");
        let n = session
            .app
            .listed_claims()
            .iter()
            .position(|c| c.text.starts_with("At least 55"))
            .unwrap();
        for _ in 0..n {
            press(&mut session, "j");
        }
        press(&mut session, "enter");
        let terminal = render(&session);
        let buffer = terminal.backend().buffer();
        let highlighted: String = (0..buffer.area.height)
            .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                buffer[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::UNDERLINED)
                    && buffer[(x, y)].bg == ratatui::style::Color::Yellow
            })
            .map(|(x, y)| buffer[(x, y)].symbol().to_string())
            .collect();
        assert!(
            highlighted.starts_with("At least 55 policemen"),
            "{w}x{h}: highlighted {highlighted:?}"
        );
        insta::assert_snapshot!(format!("claim_in_reader_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn the_comparison_pane_at_80x24_and_200x60() {
    for (w, h) in [(80, 24), (200, 60)] {
        let mut session = sample_app((w, h));
        press(&mut session, "tab tab");
        let text = screen_text(&session);
        assert!(
            text.contains("CONFLICT"),
            "{w}x{h}: conflicts shown:\n{text}"
        );
        assert!(text.contains("security forces killed"), "{w}x{h}:\n{text}");
        insta::assert_snapshot!(format!("comparison_{w}x{h}"), render(&session).backend());
    }
}

#[test]
fn the_comparison_zoomed_is_a_matrix_from_80_columns() {
    for (w, h, keys) in [
        (80, 24, "tab tab z g"),
        (80, 24, "tab tab z g l"),
        (200, 60, "tab tab z g"),
    ] {
        let mut session = sample_app((w, h));
        press(&mut session, keys);
        let text = screen_text(&session);
        // Sources as columns, by outlet, the inferred ones marked.
        assert!(
            text.contains("slot") && text.contains("?"),
            "{w}x{h}:\n{text}"
        );
        let name = if keys.ends_with('l') { "_scrolled" } else { "" };
        insta::assert_snapshot!(format!("matrix{name}_{w}x{h}"), screen_text(&session));
    }
}

#[test]
fn two_reports_side_by_side_at_200x60() {
    let mut session = sample_app((200, 60));
    press(&mut session, "tab tab v ]");
    let text = screen_text(&session);
    assert!(text.contains("≈"), "reused passages marked:\n{text}");
    insta::assert_snapshot!("side_by_side_200x60", render(&session).backend());
}

#[test]
fn the_incident_picker_at_40x12_and_80x24() {
    for (w, h) in [(40, 12), (80, 24)] {
        let dir = tempfile::tempdir().unwrap();
        let mut session = common::tui::annotating_app(dir.path(), (w, h), "analyst");
        press(&mut session, "j m");
        insta::assert_snapshot!(
            format!("incident_picker_{w}x{h}"),
            render(&session).backend()
        );
    }
}

#[test]
fn the_workbench_windows_at_every_size() {
    for (w, h) in SIZES {
        for (key, name) in [("W", "sources"), ("T", "timeline"), ("R", "review_queue")] {
            let mut session = sample_app((w, h));
            press(&mut session, key);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&session).backend());
        }
    }
}

#[test]
fn the_review_queue_filtered_by_slot_and_source() {
    let mut session = sample_app((80, 24));
    press(&mut session, "R /");
    common::tui::type_text(&mut session, "slot:killed source:wapo");
    press(&mut session, "enter");
    insta::assert_snapshot!("review_queue_filtered_80x24", render(&session).backend());
}
