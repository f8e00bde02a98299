//! The TUI's behaviour as key (and mouse) sequences from a start state: what the user does,
//! what state results. No terminal needed.

mod common;

use common::tui::{press, sample_app};
use crosscheck::tui::app::{Layer, Pane, Row};
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
    let mut session = sample_app((80, 24));
    assert_eq!(
        session.app.view.list.selected_row(),
        Some(Row::Article {
            group: 0,
            report: 0
        })
    );
    press(&mut session, "j");
    assert_eq!(session.app.view.list.selected, 2);
    press(&mut session, "G");
    assert_eq!(
        session.app.view.list.selected,
        session.app.view.list.rows.len() - 1
    );
    press(&mut session, "k up");
    assert_eq!(
        session.app.view.list.selected,
        session.app.view.list.rows.len() - 3
    );
    press(&mut session, "g");
    assert_eq!(session.app.view.list.selected, 0);
    press(&mut session, "k");
    assert_eq!(session.app.view.list.selected, 0, "stops at the top");
}

#[test]
fn enter_opens_the_reader_esc_goes_back_and_only_q_quits() {
    let mut session = sample_app((80, 24));
    press(&mut session, "enter");
    assert_eq!(session.app.view.reader, Some(0));
    assert_eq!(session.app.view.focus, Pane::Reader);
    press(&mut session, "j j");
    assert_eq!(session.app.view.reader_scroll, 2);
    press(&mut session, "G");
    let bottom = session.app.view.reader_scroll;
    assert!(bottom > 50, "scrolled to the end: {bottom}");
    press(&mut session, "j");
    assert_eq!(session.app.view.reader_scroll, bottom, "never past the end");
    press(&mut session, "esc");
    assert_eq!(
        (
            session.app.view.reader,
            session.app.view.focus,
            session.quit
        ),
        (None, Pane::Articles, false)
    );
    press(&mut session, "esc esc");
    assert!(!session.quit, "Esc never quits");
    assert_eq!(
        session.app.view.status.as_deref(),
        Some("nothing to close (q quits)")
    );
    press(&mut session, "q");
    assert!(session.quit);
}

#[test]
fn the_reader_follows_the_selection() {
    let mut session = sample_app((200, 60));
    press(&mut session, "enter shift-tab j");
    assert_eq!(session.app.view.focus, Pane::Articles);
    assert_eq!(session.app.view.reader, Some(1));
}

#[test]
fn incidents_fold_and_unfold() {
    let mut session = sample_app((80, 24));
    let unfolded = session.app.view.list.rows.len();
    press(&mut session, "h");
    assert_eq!(
        session.app.view.list.selected_row(),
        Some(Row::Group(0)),
        "h goes to the incident"
    );
    press(&mut session, "h");
    assert_eq!(session.app.view.list.rows.len(), unfolded - 4);
    press(&mut session, "l");
    assert_eq!(session.app.view.list.rows.len(), unfolded);
    press(&mut session, "enter");
    assert_eq!(
        session.app.view.list.rows.len(),
        unfolded - 4,
        "enter on a heading folds"
    );
    press(&mut session, "+");
    assert_eq!(session.app.view.list.rows.len(), unfolded);
    press(&mut session, "j j space");
    assert_eq!(
        session.app.view.list.selected_row(),
        Some(Row::Group(0)),
        "folding keeps the selection on its heading"
    );
    press(&mut session, "-");
    assert_eq!(session.app.view.list.rows, [Row::Group(0), Row::Group(1)]);
}

#[test]
fn a_report_covering_two_incidents_is_listed_under_both() {
    let session = sample_app((80, 24));
    let gulf = session
        .app
        .model
        .doc
        .corpus
        .reports
        .iter()
        .position(|r| r.id.starts_with("gulf-news"))
        .unwrap();
    let under: Vec<usize> = session
        .app
        .view
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
    let mut session = sample_app((80, 24));
    let mut seen = vec![session.app.view.focus];
    for _ in 0..3 {
        press(&mut session, "tab");
        seen.push(session.app.view.focus);
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
    press(&mut session, "shift-tab");
    assert_eq!(session.app.view.focus, Pane::Comparison);
    press(&mut session, "j");
    assert_eq!(
        session.app.view.comparison.selected, 1,
        "keys go to the focused pane"
    );
    assert_eq!(session.app.view.list.selected, 1);
}

#[test]
fn help_opens_over_everything_and_takes_the_keys() {
    let mut session = sample_app((80, 24));
    press(&mut session, "?");
    assert!(matches!(
        session.app.view.layers[..],
        [Layer::Help { scroll: 0, .. }]
    ));
    press(&mut session, "j j");
    assert!(matches!(
        session.app.view.layers[..],
        [Layer::Help { scroll: 2, .. }]
    ));
    assert_eq!(session.app.view.list.selected, 1, "the list did not move");
    press(&mut session, "esc");
    assert!(session.app.view.layers.is_empty());
    assert!(!session.quit);
    press(&mut session, "? ?");
    assert!(session.app.view.layers.is_empty(), "? closes help too");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut session = sample_app((80, 24));
    press(&mut session, "enter ? ctrl-c");
    assert!(session.quit);
}

#[test]
fn an_unbound_key_says_so_in_the_status_bar() {
    let mut session = sample_app((80, 24));
    press(&mut session, "x");
    assert_eq!(
        session.app.view.status.as_deref(),
        Some("x is not bound here (? lists the keys)")
    );
    press(&mut session, "j");
    assert_eq!(session.app.view.status, None);
}

#[test]
fn clicks_focus_panes_and_select_rows_and_the_wheel_scrolls() {
    let mut session = sample_app((80, 24));
    // Row 3 of the list (inside the border at y = 0) is the third article.
    session.handle_event(mouse(MouseEventKind::Down(MouseButton::Left), 5, 4));
    assert_eq!(session.app.view.list.selected, 3);
    session.handle_event(mouse(MouseEventKind::Down(MouseButton::Left), 50, 18));
    assert_eq!(session.app.view.focus, Pane::Comparison);
    session.handle_event(mouse(MouseEventKind::ScrollDown, 50, 18));
    assert_eq!(
        session.app.view.comparison.selected, 3,
        "the wheel moves through the slots"
    );
    session.handle_event(mouse(MouseEventKind::ScrollDown, 5, 4));
    assert_eq!(
        session.app.view.list.selected, 4,
        "the wheel scrolls the pane under the pointer"
    );
    assert_eq!(
        session.app.view.focus,
        Pane::Comparison,
        "without moving focus"
    );
}

#[test]
fn resizing_keeps_the_selection_on_screen() {
    let mut session = sample_app((200, 60));
    press(&mut session, "G");
    session.handle_event(Event::Resize(40, 12));
    assert_eq!(session.app.view.size, (40, 12));
    let visible = session.app.view.list.offset..session.app.view.list.offset + 12 - 1 - 1 - 2;
    assert!(
        visible.contains(&session.app.view.list.selected),
        "{visible:?} {}",
        session.app.view.list.selected
    );
    // The reader open in a wide layout is still reachable when the screen shrinks.
    press(&mut session, "enter");
    session.handle_event(Event::Resize(80, 24));
    assert_eq!(session.app.view.focus, Pane::Reader);
    session.handle_event(Event::Resize(10, 4));
    session.handle_event(Event::Resize(80, 24));
    assert_eq!(session.app.view.focus, Pane::Reader);
}

#[test]
fn claims_follow_the_article_and_show_in_the_text() {
    let mut session = sample_app((80, 24));
    let first = session.app.listed_claims().len();
    assert!(first > 10, "the AFP dispatch has claims: {first}");
    assert_eq!(
        session.app.selected_claim().unwrap().text,
        "At least 35 Egyptian policemen perished"
    );
    // Tab to the claims pane, move to a later claim, open it: the reader shows it.
    press(&mut session, "tab");
    assert_eq!(session.app.view.focus, Pane::Claims);
    press(&mut session, "G enter");
    assert_eq!(session.app.view.reader, Some(0));
    assert_eq!(
        session.app.view.focus,
        Pane::Claims,
        "the claims stay in hand"
    );
    let scrolled = session.app.view.reader_scroll;
    assert!(
        scrolled > 40,
        "the reader scrolled to the last claim: {scrolled}"
    );
    press(&mut session, "g");
    assert!(
        session.app.view.reader_scroll < scrolled,
        "and follows the selection back up"
    );
    // Another article lists its own claims from the top.
    press(&mut session, "shift-tab j");
    assert_eq!(session.app.view.focus, Pane::Articles);
    assert_eq!(session.app.view.claims.selected, 0);
    assert!(
        session
            .app
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
    let session = common::tui::app_extracting(corpus, (80, 24));
    assert!(common::tui::screen_text(&session).contains("Extracting claims…"));
}

#[test]
fn a_slots_values_are_shown_in_their_articles_and_a_claim_finds_its_slot() {
    let mut session = sample_app((200, 60));
    // The comparison pane shows the ambush; its first slot is the police toll, in conflict.
    press(&mut session, "tab tab");
    assert_eq!(session.app.view.focus, Pane::Comparison);
    let slot = &session.app.selected_comparison().unwrap().slots[0];
    assert_eq!(slot.slot, "security forces killed");
    let first = slot.values[0].clone();
    let second = slot.values[1].clone();
    press(&mut session, "enter");
    assert_eq!(session.app.selected_claim().unwrap().id, first.claim);
    assert!(session.app.view.reader.is_some());
    assert!(
        session
            .app
            .view
            .status
            .as_deref()
            .unwrap()
            .starts_with("value 1 of"),
        "{:?}",
        session.app.view.status
    );
    press(&mut session, "enter");
    assert_eq!(
        session.app.selected_claim().unwrap().id,
        second.claim,
        "Enter walks through the values"
    );
    assert_eq!(
        session.app.view.focus,
        Pane::Comparison,
        "the slot stays in hand"
    );

    // From a claim (the Gulf News 54, about the ambush, listed under New Valley first),
    // `s` finds its slot in the ambush's comparison.
    let mut session = sample_app((200, 60));
    press(&mut session, "G");
    let gulf_54 = session
        .app
        .listed_claims()
        .iter()
        .position(|c| c.text.contains("at 54"))
        .unwrap();
    press(&mut session, "tab");
    for _ in 0..gulf_54 {
        press(&mut session, "j");
    }
    press(&mut session, "s");
    assert_eq!(session.app.view.focus, Pane::Comparison);
    let comparison = session.app.selected_comparison().unwrap();
    assert_eq!(comparison.incident, "bahariya-ambush-2017-10-20");
    assert_eq!(
        comparison.slots[session.app.view.comparison.selected].slot,
        "security forces killed"
    );
}

#[test]
fn two_reports_side_by_side_with_their_shared_passages_aligned() {
    let mut session = sample_app((160, 40));
    press(&mut session, "tab tab v");
    let Some(Layer::SideBySide { left, right, .. }) = session.app.view.layers.last().cloned()
    else {
        panic!("side by side opens: {:?}", session.app.view.layers)
    };
    assert_eq!(left, 0, "the selected report on the left");
    assert_eq!(right, 1);
    // The two AFP copies: their reused passages sit on shared rows.
    press(&mut session, "]");
    let Some(Layer::SideBySide { right, rows, .. }) = session.app.view.layers.last().cloned()
    else {
        panic!()
    };
    assert_eq!(right, 2, "] shows the next report on the right");
    let shared = rows.iter().filter(|r| r.shared).count();
    assert!(shared >= 3, "{shared} shared rows");
    let body = &session.app.model.doc.corpus.reports[2].body;
    let shared_texts: Vec<&str> = rows
        .iter()
        .filter(|r| r.shared)
        .map(|r| &body[r.right.unwrap()[0]..r.right.unwrap()[1]])
        .collect();
    assert!(
        shared_texts.iter().any(|t| t.contains("rocket fire")),
        "{shared_texts:?}"
    );
    press(&mut session, "[ esc");
    assert!(session.app.view.layers.is_empty());
    assert!(!session.quit);
}

#[test]
fn the_comparison_s_header_and_flags_are_reached_by_keys_at_80x24() {
    let mut session = sample_app((80, 24));
    while session.app.view.focus != Pane::Comparison {
        press(&mut session, "tab");
    }
    // The first slot is on screen; the incident's header above it is not, at this size.
    let first = common::tui::screen_text(&session);
    assert!(first.contains("▶"), "{first}");
    // g goes to the very top: the header, the one-origin line and the flags.
    press(&mut session, "g");
    let top = common::tui::screen_text(&session);
    for wanted in ["Bahariya Oasis ambush", "one origin:"] {
        assert!(top.contains(wanted), "{wanted} in\n{top}");
    }
    assert_eq!(session.app.view.comparison.selected, 0);
    // From the first slot, k scrolls on up, line by line: the flags just above the slots.
    press(&mut session, "j k k k");
    let up = common::tui::screen_text(&session);
    assert!(up.contains("add up to"), "{up}");
    assert_eq!(session.app.view.comparison.selected, 0);
    // G goes to the very bottom: the last slot's values.
    press(&mut session, "G");
    // k brings the slot before the last back into view.
    press(&mut session, "k");
    let n = session.app.selected_comparison().unwrap().slots.len();
    assert_eq!(session.app.view.comparison.selected, n - 2);
    assert!(!session.app.view.comparison.free);
}
