//! The TUI's behaviour as key (and mouse) sequences from a start state: what the user does,
//! what state results. No terminal needed.

mod common;

use common::tui::{press, sample_app};
use crosscheck::tui::state::{Overlay, Pane, Row};
use crosscheck::tui::update;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn starts_on_the_first_article_and_moves_with_j_k_g_and_shift_g() {
    let mut app = sample_app((80, 24));
    assert_eq!(
        app.list.selected_row(),
        Some(Row::Article {
            group: 0,
            report: 0
        })
    );
    press(&mut app, "j");
    assert_eq!(app.list.selected, 2);
    press(&mut app, "G");
    assert_eq!(app.list.selected, app.list.rows.len() - 1);
    press(&mut app, "k up");
    assert_eq!(app.list.selected, app.list.rows.len() - 3);
    press(&mut app, "g");
    assert_eq!(app.list.selected, 0);
    press(&mut app, "k");
    assert_eq!(app.list.selected, 0, "stops at the top");
}

#[test]
fn enter_opens_the_reader_and_q_goes_back_then_quits() {
    let mut app = sample_app((80, 24));
    press(&mut app, "enter");
    assert_eq!(app.reader, Some(0));
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, "j j");
    assert_eq!(app.reader_scroll, 2);
    press(&mut app, "G");
    let bottom = app.reader_scroll;
    assert!(bottom > 50, "scrolled to the end: {bottom}");
    press(&mut app, "j");
    assert_eq!(app.reader_scroll, bottom, "never past the end");
    press(&mut app, "q");
    assert_eq!(
        (app.reader, app.focus, app.quit),
        (None, Pane::Articles, false)
    );
    press(&mut app, "esc");
    assert!(app.quit);
}

#[test]
fn the_reader_follows_the_selection() {
    let mut app = sample_app((200, 60));
    press(&mut app, "enter shift-tab j");
    assert_eq!(app.focus, Pane::Articles);
    assert_eq!(app.reader, Some(1));
}

#[test]
fn incidents_fold_and_unfold() {
    let mut app = sample_app((80, 24));
    let unfolded = app.list.rows.len();
    press(&mut app, "h");
    assert_eq!(
        app.list.selected_row(),
        Some(Row::Group(0)),
        "h goes to the incident"
    );
    press(&mut app, "h");
    assert_eq!(app.list.rows.len(), unfolded - 4);
    press(&mut app, "l");
    assert_eq!(app.list.rows.len(), unfolded);
    press(&mut app, "enter");
    assert_eq!(
        app.list.rows.len(),
        unfolded - 4,
        "enter on a heading folds"
    );
    press(&mut app, "+");
    assert_eq!(app.list.rows.len(), unfolded);
    press(&mut app, "j j space");
    assert_eq!(
        app.list.selected_row(),
        Some(Row::Group(0)),
        "folding keeps the selection on its heading"
    );
    press(&mut app, "-");
    assert_eq!(app.list.rows, [Row::Group(0), Row::Group(1)]);
}

#[test]
fn a_report_covering_two_incidents_is_listed_under_both() {
    let app = sample_app((80, 24));
    let gulf = app
        .doc
        .corpus
        .reports
        .iter()
        .position(|r| r.id.starts_with("gulf-news"))
        .unwrap();
    let under: Vec<usize> = app
        .list
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Article { group, report } if *report == gulf => Some(*group),
            _ => None,
        })
        .collect();
    assert_eq!(under, [0, 1]);
}

#[test]
fn tab_cycles_through_the_panes_on_screen() {
    let mut app = sample_app((80, 24));
    let mut seen = vec![app.focus];
    for _ in 0..3 {
        press(&mut app, "tab");
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [
            Pane::Articles,
            Pane::Claims,
            Pane::Comparison,
            Pane::Articles
        ]
    );
    press(&mut app, "shift-tab");
    assert_eq!(app.focus, Pane::Comparison);
    press(&mut app, "j");
    assert_eq!(app.comparison.selected, 1, "keys go to the focused pane");
    assert_eq!(app.list.selected, 1);
}

#[test]
fn help_opens_over_everything_and_takes_the_keys() {
    let mut app = sample_app((80, 24));
    press(&mut app, "?");
    assert_eq!(app.overlays, [Overlay::Help { scroll: 0 }]);
    press(&mut app, "j j");
    assert_eq!(app.overlays, [Overlay::Help { scroll: 2 }]);
    assert_eq!(app.list.selected, 1, "the list did not move");
    press(&mut app, "esc");
    assert!(app.overlays.is_empty());
    assert!(!app.quit);
    press(&mut app, "? ?");
    assert!(app.overlays.is_empty(), "? closes help too");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut app = sample_app((80, 24));
    press(&mut app, "enter ? ctrl-c");
    assert!(app.quit);
}

#[test]
fn an_unbound_key_says_so_in_the_status_bar() {
    let mut app = sample_app((80, 24));
    press(&mut app, "x");
    assert_eq!(
        app.status.as_deref(),
        Some("x is not bound here; ? lists the keys")
    );
    press(&mut app, "j");
    assert_eq!(app.status, None);
}

#[test]
fn clicks_focus_panes_and_select_rows_and_the_wheel_scrolls() {
    let mut app = sample_app((80, 24));
    // Row 3 of the list (inside the border at y = 0) is the third article.
    update::handle_event(
        &mut app,
        mouse(MouseEventKind::Down(MouseButton::Left), 5, 4),
    );
    assert_eq!(app.list.selected, 3);
    update::handle_event(
        &mut app,
        mouse(MouseEventKind::Down(MouseButton::Left), 50, 18),
    );
    assert_eq!(app.focus, Pane::Comparison);
    update::handle_event(&mut app, mouse(MouseEventKind::ScrollDown, 50, 18));
    assert_eq!(
        app.comparison.selected, 3,
        "the wheel moves through the slots"
    );
    update::handle_event(&mut app, mouse(MouseEventKind::ScrollDown, 5, 4));
    assert_eq!(
        app.list.selected, 4,
        "the wheel scrolls the pane under the pointer"
    );
    assert_eq!(app.focus, Pane::Comparison, "without moving focus");
}

#[test]
fn resizing_keeps_the_selection_on_screen() {
    let mut app = sample_app((200, 60));
    press(&mut app, "G");
    update::handle_event(&mut app, Event::Resize(40, 12));
    assert_eq!(app.size, (40, 12));
    let visible = app.list.offset..app.list.offset + 12 - 1 - 1 - 2;
    assert!(
        visible.contains(&app.list.selected),
        "{visible:?} {}",
        app.list.selected
    );
    // The reader open in a wide layout is still reachable when the screen shrinks.
    press(&mut app, "enter");
    update::handle_event(&mut app, Event::Resize(80, 24));
    assert_eq!(app.focus, Pane::Reader);
    update::handle_event(&mut app, Event::Resize(10, 4));
    update::handle_event(&mut app, Event::Resize(80, 24));
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn claims_follow_the_article_and_show_in_the_text() {
    let mut app = sample_app((80, 24));
    let first = app.claims.claims().len();
    assert!(first > 10, "the AFP dispatch has claims: {first}");
    assert_eq!(
        app.claims.selected_claim().unwrap().text,
        "At least 35 Egyptian policemen perished"
    );
    // Tab to the claims pane, move to a later claim, open it: the reader shows it.
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Claims);
    press(&mut app, "G enter");
    assert_eq!(app.reader, Some(0));
    assert_eq!(app.focus, Pane::Claims, "the claims stay in hand");
    let scrolled = app.reader_scroll;
    assert!(
        scrolled > 40,
        "the reader scrolled to the last claim: {scrolled}"
    );
    press(&mut app, "g");
    assert!(
        app.reader_scroll < scrolled,
        "and follows the selection back up"
    );
    // Another article lists its own claims from the top.
    press(&mut app, "shift-tab j");
    assert_eq!(app.focus, Pane::Articles);
    assert_eq!(app.claims.selected, 0);
    assert!(
        app.claims
            .selected_claim()
            .unwrap()
            .report
            .starts_with("wapo")
    );
}

#[test]
fn claims_pane_says_when_extraction_is_still_running() {
    let corpus =
        crosscheck::store::parse(crosscheck::sample::TEXT.as_bytes(), "s.ron".as_ref()).unwrap();
    let app = common::tui::app_extracting(corpus, (80, 24));
    assert!(common::tui::screen_text(&app).contains("Extracting claims…"));
}

#[test]
fn a_slots_values_are_shown_in_their_articles_and_a_claim_finds_its_slot() {
    let mut app = sample_app((200, 60));
    // The comparison pane shows the ambush; its first slot is the police toll, in conflict.
    press(&mut app, "tab tab");
    assert_eq!(app.focus, Pane::Comparison);
    let slot = &app.selected_comparison().unwrap().slots[0];
    assert_eq!(slot.slot, "security forces killed");
    let first = slot.values[0].clone();
    let second = slot.values[1].clone();
    press(&mut app, "enter");
    assert_eq!(app.claims.selected_claim().unwrap().id, first.claim);
    assert!(app.reader.is_some());
    assert!(
        app.status.as_deref().unwrap().starts_with("value 1 of"),
        "{:?}",
        app.status
    );
    press(&mut app, "enter");
    assert_eq!(
        app.claims.selected_claim().unwrap().id,
        second.claim,
        "Enter walks through the values"
    );
    assert_eq!(app.focus, Pane::Comparison, "the slot stays in hand");

    // From a claim (the Gulf News 54, about the ambush, listed under New Valley first),
    // `s` finds its slot in the ambush's comparison.
    let mut app = sample_app((200, 60));
    press(&mut app, "G");
    let gulf_54 = app
        .claims
        .claims()
        .iter()
        .position(|c| c.text.contains("at 54"))
        .unwrap();
    press(&mut app, "tab");
    for _ in 0..gulf_54 {
        press(&mut app, "j");
    }
    press(&mut app, "s");
    assert_eq!(app.focus, Pane::Comparison);
    let comparison = app.selected_comparison().unwrap();
    assert_eq!(comparison.incident, "bahariya-ambush-2017-10-20");
    assert_eq!(
        comparison.slots[app.comparison.selected].slot,
        "security forces killed"
    );
}

#[test]
fn two_reports_side_by_side_with_their_shared_passages_aligned() {
    let mut app = sample_app((160, 40));
    press(&mut app, "tab tab v");
    let Some(Overlay::SideBySide { left, right, .. }) = app.overlays.last().cloned() else {
        panic!("side by side opens: {:?}", app.overlays)
    };
    assert_eq!(left, 0, "the selected report on the left");
    assert_eq!(right, 1);
    // The two AFP copies: their reused passages sit on shared rows.
    press(&mut app, "]");
    let Some(Overlay::SideBySide { right, .. }) = app.overlays.last().cloned() else {
        panic!()
    };
    assert_eq!(right, 2, "] shows the next report on the right");
    let rows = crosscheck::tui::side_by_side::rows(&app, 0, 2);
    let shared = rows.iter().filter(|r| r.shared).count();
    assert!(shared >= 3, "{shared} shared rows");
    let body = &app.doc.corpus.reports[2].body;
    let shared_texts: Vec<&str> = rows
        .iter()
        .filter(|r| r.shared)
        .map(|r| &body[r.right.unwrap()[0]..r.right.unwrap()[1]])
        .collect();
    assert!(
        shared_texts.iter().any(|t| t.contains("rocket fire")),
        "{shared_texts:?}"
    );
    press(&mut app, "[ esc");
    assert!(app.overlays.is_empty());
    assert!(!app.quit);
}
