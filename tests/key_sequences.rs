//! Key sequences that read as a start state, the keys pressed, and the state expected, in
//! the manner of helix's `helpers.rs`: the flows the layer stack, the key map contexts of
//! the windows that take text, and the analysis worker changed.

#![allow(clippy::unwrap_used, clippy::panic)] // a test fails loudly

mod common;

use common::tui::{
    annotating_app, annotating_with, is_compared, press, select_claim_with, type_text,
};
use crosscheck::annotate::Verdict;
use crosscheck::tui::Session;
use crosscheck::tui::app::{Layer, Pane};
use crosscheck::tui::config::Config;
use crosscheck::tui::config::keymap::KeyMap;

const WAPO: usize = 1;
const FIFTY_FIVE: &str = "At least 55 policemen";

/// What a test looks at: the focus, the layers from the bottom, the selected claim's first
/// words and verdict, and the status line.
fn state(s: &Session) -> String {
    let app = &s.app;
    let layers: Vec<&str> = app.view.layers.iter().map(Layer::title).collect();
    let claim = app.selected_claim();
    let words: String = claim
        .map(|c| {
            c.text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let verdict = claim
        .and_then(|c| app.note_of(c))
        .map_or(Verdict::Unreviewed, |n| n.verdict);
    format!(
        "focus={:?} layers={layers:?} claim={words:?} verdict={verdict} status={:?}",
        app.view.focus,
        app.view.status.as_deref().unwrap_or("")
    )
}

/// From `start`, press `keys` (space-separated key names; `"text"` in quotes is typed),
/// and check that the state contains every one of `expected`.
fn check(mut start: Session, keys: &str, expected: &[&str]) -> Session {
    for part in split_keys(keys) {
        match part.strip_prefix('"').and_then(|p| p.strip_suffix('"')) {
            Some(text) => type_text(&mut start, text),
            None => press(&mut start, &part),
        }
    }
    let got = state(&start);
    for want in expected {
        assert!(
            got.contains(want),
            "after {keys:?}: {want:?} not in\n  {got}"
        );
    }
    start
}

/// Keys separated by spaces, quoted text kept whole.
fn split_keys(keys: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut quoted: Option<String> = None;
    for word in keys.split(' ') {
        match &mut quoted {
            Some(q) => {
                q.push(' ');
                q.push_str(word);
                if word.ends_with('"') {
                    out.push(quoted.take().unwrap());
                }
            }
            None if word.starts_with('"') && !(word.len() > 1 && word.ends_with('"')) => {
                quoted = Some(word.to_string());
            }
            None if !word.is_empty() => out.push(word.to_string()),
            None => {}
        }
    }
    out
}

/// A session on the sample with the claim of the Post's 55 selected.
fn on_fifty_five(dir: &std::path::Path) -> Session {
    let mut s = annotating_app(dir, (100, 30), "ana");
    select_claim_with(&mut s, WAPO, FIFTY_FIVE);
    s
}

#[test]
fn a_form_takes_letters_that_are_commands_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    // "?" is help and "q" back on the panes; in a form they are typed.
    let s = check(
        on_fifty_five(dir.path()),
        r#"n "who? q" "#,
        &["layers=[\"Form\"]"],
    );
    let Some(Layer::Editor(ed)) = s.app.view.top() else {
        panic!("{}", state(&s))
    };
    assert_eq!(ed.fields[0].text(), "who? q");
    // Esc saves a note and closes the form.
    let s = check(s, "esc", &["layers=[]", "saved #1"]);
    let c = s.app.selected_claim().unwrap();
    assert_eq!(s.app.note_of(c).unwrap().note, "who? q");
}

#[test]
fn enter_moves_through_a_form_and_saves_on_its_last_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = annotating_app(dir.path(), (100, 30), "ana");
    s.app.view.focus = Pane::Articles;
    // The incident form: title, date, place; Enter on the last saves.
    let s = check(s, "e", &["layers=[\"Form\"]"]);
    let s = check(s, r#"enter "x" enter"#, &["layers=[\"Form\"]"]);
    let Some(Layer::Editor(ed)) = s.app.view.top() else {
        panic!()
    };
    assert_eq!(ed.focus, 2, "two Enters reach the third field");
    assert!(ed.fields[1].text().ends_with('x'));
    // "…x" is no date: the form stays, with a message, and nothing is saved.
    let s = check(s, "enter", &["layers=[\"Form\"]", "status=\"date:"]);
    assert!(s.journal.as_ref().unwrap().log().is_empty());
}

#[test]
fn windows_stack_and_close_from_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (100, 30), "ana");
    // The reader, visual mode in it, help over visual mode: Esc closes help first.
    let s = check(s, "enter", &["focus=Reader", "layers=[]"]);
    let s = check(s, "v", &["layers=[\"Reader: select\"]"]);
    let s = check(s, "?", &["layers=[\"Reader: select\", \"Help\"]"]);
    let s = check(s, "esc", &["layers=[\"Reader: select\"]"]);
    let s = check(s, "esc", &["layers=[]", "selection cancelled"]);
    assert!(!s.quit);
    // Visual mode is the reader's: moving the focus away ends it.
    let s = check(s, "v tab", &["layers=[]"]);
    assert_ne!(s.app.view.focus, Pane::Reader);
}

#[test]
fn the_palette_runs_what_it_names_on_the_claim_below() {
    let dir = tempfile::tempdir().unwrap();
    let s = check(
        on_fifty_five(dir.path()),
        r#": "verdict: false" enter"#,
        &[
            "layers=[]",
            "claim=\"At least 55\"",
            "verdict=false",
            "saved #1",
        ],
    );
    // The palette does not offer the windows' own actions.
    let s = check(s, r#": "select next""#, &["layers=[\"Commands\"]"]);
    let Some(Layer::Palette(p)) = s.app.view.top() else {
        panic!()
    };
    assert!(p.matches.iter().all(|a| a.in_palette()));
}

#[test]
fn a_form_s_keys_are_rebound_in_keymap_ron() {
    let dir = tempfile::tempdir().unwrap();
    let user = r#"( editor: { "ctrl-d": "save", "esc": "none" } )"#;
    let (keymap, problems) = KeyMap::with_user_file(user, "keymap.ron".as_ref());
    assert!(problems.is_none(), "{problems:?}");
    let config = Config {
        keymap,
        ..Config::defaults()
    };
    let mut s = annotating_with(dir.path(), (100, 30), "ana", config, false);
    select_claim_with(&mut s, WAPO, FIFTY_FIVE);
    // Esc is freed: the form stays open; ctrl-d saves.
    let s = check(s, r#"t "toll" esc"#, &["layers=[\"Form\"]"]);
    let s = check(s, "ctrl-d", &["layers=[]", "saved #1"]);
    let c = s.app.selected_claim().unwrap();
    assert!(s.app.note_of(c).unwrap().tags.contains("toll"));
    // The status bar names the new key.
    let hints = crosscheck::tui::panes::status_bar::hint_text(
        &s.app,
        crosscheck::tui::config::keymap::Context::Editor,
        &[crosscheck::tui::action::Action::Save],
    );
    assert_eq!(hints, "ctrl-d save");
}

#[test]
fn an_extraction_error_is_compared_again_on_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = annotating_with(dir.path(), (100, 30), "ana", Config::defaults(), true);
    select_claim_with(&mut s, WAPO, FIFTY_FIVE);
    let claim = s.app.selected_claim().unwrap().id.clone();
    let in_comparison = |s: &Session| is_compared(s, &claim);
    assert!(in_comparison(&s));
    // The key saves the verdict and returns; the worker compares again.
    let mut s = check(s, "e", &["verdict=extraction-error", "comparing again"]);
    s.settle();
    assert!(!in_comparison(&s), "the claim left the comparison");
    assert!(!s.app.model.comparing);
    // Undone, it comes back.
    let mut s = check(s, "ctrl-z", &["verdict=unreviewed"]);
    s.settle();
    assert!(in_comparison(&s));
}

#[test]
fn every_key_of_every_context_is_in_the_help() {
    use crosscheck::tui::action::ACTIONS;
    use crosscheck::tui::config::keymap::Context;
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (200, 60), "ana");
    let help: Vec<String> = crosscheck::tui::layers::overlays::help_content(&s.app, "")
        .iter()
        .map(|l| l.spans.iter().map(|sp| sp.content.as_ref()).collect())
        .collect();
    let mut windows = 0;
    for context in Context::ALL {
        for info in ACTIONS {
            let keys = s.app.config.keymap.keys_in(context, info.action);
            if keys.is_empty() {
                continue;
            }
            windows += usize::from(!context.falls_back());
            let keys = keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let found = help
                .iter()
                .any(|l| l.contains(&keys) && l.contains(info.title.split(' ').next().unwrap()));
            assert!(
                found,
                "{keys} ({}) in {} is not in the help",
                info.id,
                context.id()
            );
        }
    }
    assert!(windows >= 10, "the windows' keys are listed too: {windows}");
}

#[test]
fn esc_closes_and_cancels_but_never_quits_and_q_quits() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (80, 24), "ana");
    // A window: Esc closes it.
    let s = check(s, "? esc", &["focus=Articles layers=[]"]);
    // The reader opened from the list: Esc closes it and the list has the keys again.
    let s = check(s, "enter", &["focus=Reader"]);
    let s = check(s, "esc", &["focus=Articles layers=[]"]);
    assert!(s.app.view.reader.is_none());
    // A slot walked into the reader: Esc closes the reader and the comparison keeps the keys.
    let s = check(s, "tab tab enter", &["focus=Comparison", "value 1 of"]);
    assert!(s.app.view.reader.is_some());
    let s = check(s, "esc", &["focus=Comparison"]);
    assert!(s.app.view.reader.is_none());
    // Nothing left to close: Esc says so, and only q quits.
    let s = check(s, "esc esc", &["nothing to close (q quits)"]);
    assert!(!s.quit);
    let s = check(s, "q", &[]);
    assert!(s.quit);
}

#[test]
fn quitting_from_a_form_with_unsaved_text_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing typed: ctrl-c quits from the form at once.
    let s = check(on_fifty_five(dir.path()), "t", &["layers=[\"Form\"]"]);
    let s = check(s, "ctrl-c", &[]);
    assert!(s.quit);
    // Typed tags: the first ctrl-c asks and names the keys, the form and its text stay.
    let s = check(
        on_fifty_five(dir.path()),
        r#"t "toll""#,
        &["layers=[\"Form\"]"],
    );
    let s = check(
        s,
        "ctrl-c",
        &[
            "layers=[\"Form\"]",
            "is not saved (ctrl-s saves) (ctrl-c again quits",
        ],
    );
    assert!(!s.quit);
    // Typing again means the question is asked again about the new text.
    let s = check(s, r#""s" ctrl-c"#, &["is not saved"]);
    assert!(!s.quit);
    let Some(Layer::Editor(ed)) = s.app.view.top() else {
        panic!("the form is still open")
    };
    assert_eq!(ed.fields[0].text(), "tolls");
    let s = check(s, "ctrl-c", &[]);
    assert!(s.quit);
}

#[test]
fn esc_ends_the_zoom_and_then_the_claim_filter() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (80, 24), "ana");
    let s = check(
        s,
        "tab f \"kind:casualty\" enter",
        &["status=\"filter: kind:casualty\""],
    );
    let mut s = check(s, "z", &["focus=Claims"]);
    assert!(s.app.view.zoomed);
    s = check(s, "esc", &[]);
    assert!(!s.app.view.zoomed && s.app.view.claims.filter.is_some());
    let s = check(s, "esc", &["status=\"filter cleared\""]);
    assert!(s.app.view.claims.filter.is_none() && !s.quit);
}

/// The help's lines as text, filtered as the open help window is.
fn help_text(s: &Session) -> String {
    let filter = s.app.view.top().map(Layer::help_filter).unwrap_or_default();
    crosscheck::tui::layers::overlays::help_content(&s.app, &filter)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|sp| sp.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn help_is_filtered_with_slash_as_in_lazygit() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (80, 24), "ana");
    let s = check(s, "? /", &["layers=[\"Help\"]"]);
    // While the filter is typed, letters that are commands elsewhere are typed.
    let s = check(s, "\"note\"", &["layers=[\"Help\"]"]);
    let help = help_text(&s);
    assert!(help.contains("Edit the claim's note"), "{help}");
    assert!(!help.contains("Move down one line"), "{help}");
    // Grouped by where the keys work, in words, each key once.
    assert!(help.contains("Claims\n  n "), "{help}");
    assert!(help.contains("Article list · Reader · Claims"), "{help}");
    assert!(!help.contains("[claims]"), "{help}");
    // Enter keeps the filter and gives j/k back to the list; Esc shows all, then closes.
    let s = check(s, "enter j", &["layers=[\"Help\"]"]);
    assert!(help_text(&s).contains("Edit the claim's note"));
    assert!(!help_text(&s).contains("Move down one line"));
    let s = check(s, "esc", &["layers=[\"Help\"]"]);
    assert!(help_text(&s).contains("Move down one line"));
    let s = check(s, "esc", &["layers=[]"]);
    assert!(!s.quit);
}

#[test]
fn fields_take_readline_keys() {
    let dir = tempfile::tempdir().unwrap();
    let s = check(
        on_fifty_five(dir.path()),
        "n \"the AP figure\"",
        &["layers=[\"Form\"]"],
    );
    let field = |s: &Session| match s.app.view.top() {
        Some(Layer::Editor(ed)) => ed.fields[ed.focus].text(),
        _ => String::new(),
    };
    let s = check(s, "ctrl-w", &[]);
    assert_eq!(field(&s), "the AP ");
    let s = check(s, "ctrl-a \"per \"", &[]);
    assert_eq!(field(&s), "per the AP ");
    let s = check(s, "alt-f ctrl-k", &[]);
    assert_eq!(field(&s), "per the ");
    let s = check(s, "alt-b ctrl-u", &[]);
    assert_eq!(field(&s), "the ");
    let s = check(s, "ctrl-e \"toll\"", &[]);
    assert_eq!(field(&s), "the toll");
    // The search box takes them too.
    let s = check(s, "esc / \"hasm x\" ctrl-w", &["layers=[\"Search\"]"]);
    match s.app.view.top() {
        Some(Layer::Search(sb)) => assert_eq!(sb.query.text(), "hasm "),
        _ => panic!("the search box is open"),
    }
}

#[test]
fn n_and_shift_n_walk_a_search_s_hits_until_esc() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = annotating_app(dir.path(), (100, 30), "ana");
    s.start_search();
    let mut s = check(s, "/ \"hasm\"", &["layers=[\"Search\"]"]);
    assert!(s.wait_for_search("hasm", std::time::Duration::from_secs(10)));
    let hits = match s.app.view.top() {
        Some(Layer::Search(sb)) => sb.hits.clone(),
        _ => panic!("the search box is open"),
    };
    assert!(hits.len() >= 3, "{hits:?}");
    // Whole words first: every hit saying "Hasm" as a word comes before any that does not.
    let whole = |t: &str| {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "hasm")
    };
    let first_other = hits.iter().position(|h| !whole(&h.text));
    assert!(
        first_other.is_none_or(|i| hits[i..].iter().all(|h| !whole(&h.text))),
        "{:?}",
        hits.iter().map(|h| &h.text).collect::<Vec<_>>()
    );
    let s = check(s, "enter", &["layers=[]", "(n next hit)"]);
    let s = check(s, "n", &["hit 2 of", "for \\\"hasm\\\""]);
    let s = check(s, "n", &["hit 3 of"]);
    let s = check(s, "N N", &["hit 1 of"]);
    // N wraps round to the last hit.
    let s = check(s, "N", &[&format!("hit {} of", hits.len())]);
    // Esc ends the walk; n is the pane's key again (a note on the claims pane).
    let s = check(s, "esc", &["status=\"search ended\""]);
    assert!(s.app.view.found.is_none());
    let s = check(s, "n", &[]);
    let status = s.app.view.status.clone().unwrap_or_default();
    assert!(!status.starts_with("hit "), "{status}");
}

/// A left click at a cell.
fn click(s: &mut Session, column: u16, row: u16) {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    s.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

/// Where `text` is on screen: (column, row) of its first character.
fn find_on_screen(s: &Session, text: &str) -> (u16, u16) {
    let screen = common::tui::screen_text(s);
    screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let at = line.find(text)?;
            Some((line[..at].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"))
}

#[test]
fn a_click_selects_the_claim_or_slot_under_it_and_number_keys_focus_panes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = annotating_app(dir.path(), (200, 60), "ana");
    // A claim row: the third claim of the first report.
    let (x, y) = find_on_screen(&s, "MNS ambush");
    click(&mut s, x, y);
    let s = check(s, "", &["focus=Claims", "claim=\"ambush\""]);
    assert_eq!(s.app.view.claims.selected, 2);
    // A slot's row in the comparison selects that slot; its details do not.
    let mut s = s;
    let (x, y) = find_on_screen(&s, "‼ victims killed");
    click(&mut s, x + 4, y);
    assert_eq!(s.app.view.focus, Pane::Comparison);
    let slot = |s: &Session| {
        let c = s.app.selected_comparison().unwrap();
        c.slots[s.app.view.comparison.selected].slot.clone()
    };
    assert_eq!(slot(&s), "victims killed");
    let (x, y) = find_on_screen(&s, "estimate: low");
    click(&mut s, x, y);
    assert_eq!(slot(&s), "victims killed", "a detail line is not a slot");
    // Number keys: 1 the list, 2 the claims (where 1-6 then grade), alt-3 the comparison.
    let s = check(s, "1", &["focus=Articles"]);
    let s = check(s, "2", &["focus=Claims"]);
    let s = check(s, "1", &["focus=Claims"]);
    let grade = s
        .app
        .note_of(s.app.selected_claim().unwrap())
        .unwrap()
        .grade;
    assert_eq!(grade, crosscheck::annotate::Credibility::from_number(1));
    let s = check(s, "alt-3", &["focus=Comparison"]);
    let s = check(s, "4", &["focus=Reader"]);
    assert!(s.app.view.reader.is_some());
}

#[test]
fn a_value_left_out_of_its_slot_stays_listed_and_the_same_key_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = annotating_with(dir.path(), (100, 30), "ana", Config::defaults(), true);
    select_claim_with(&mut s, WAPO, FIFTY_FIVE);
    let claim = s.app.selected_claim().unwrap().id.clone();
    let listed = s.app.listed_claims().len();
    let mut s = check(
        s,
        "- \"the caption's figure\" enter",
        &[
            "layers=[]",
            "left out: the caption's figure",
            "verdict=unreviewed",
        ],
    );
    s.settle();
    assert!(!is_compared(&s, &claim), "the value left the comparison");
    assert_eq!(
        s.app.listed_claims().len(),
        listed,
        "the claim is still listed"
    );
    // On the claims pane the same key puts it back; undo and redo walk it too.
    let mut s = check(s, "-", &["put back"]);
    s.settle();
    assert!(is_compared(&s, &claim));
    let mut s = check(s, "ctrl-z", &["undo #2"]);
    s.settle();
    assert!(!is_compared(&s, &claim));
    let mut s = check(s, "ctrl-z", &["undo #1"]);
    s.settle();
    assert!(is_compared(&s, &claim));
}

#[test]
fn the_workbench_windows_grade_sources_and_walk_the_review_queue() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (100, 30), "ana");
    // Sources: the second source graded B, then its report opened.
    let s = check(s, "W j B", &["layers=[\"Sources\"]", "reliability B"]);
    let s = check(s, "enter", &["focus=Reader", "layers=[]"]);
    assert_eq!(
        s.app.model.doc.corpus.reports[s.app.view.reader.unwrap()].id,
        "wapo-bahariya-2017-10-21"
    );
    // f on a source: its claims still to review, as the review queue filtered by it.
    let s = check(s, "esc W f", &["layers=[\"Review queue\"]"]);
    match s.app.view.top() {
        Some(Layer::Queue(q)) => {
            assert_eq!(q.filter.text(), "source:wapo-bahariya-2017-10-21");
            assert!(!q.items.is_empty());
            assert!(
                q.items.iter().all(|i| i.report == 1),
                "only the Post's claims"
            );
        }
        _ => panic!("the queue is open"),
    }
    let s = check(s, "esc esc", &["layers=[]"]);
    // The timeline opens and closes.
    let s = check(s, "T", &["layers=[\"Timeline\"]"]);
    let s = check(s, "esc", &["layers=[]"]);
    // The review queue: filtered to the Post's police toll, walked with Enter then n.
    let s = check(
        s,
        "R / \"slot:security source:wapo\" enter",
        &["layers=[\"Review queue\"]"],
    );
    let n = match s.app.view.top() {
        Some(Layer::Queue(q)) => q.items.len(),
        _ => panic!("the queue is open"),
    };
    assert!((3..20).contains(&n), "{n} claims of the Post's police toll");
    let s = check(s, "enter", &["layers=[]", "1 of", "in the review queue"]);
    let s = check(s, "n", &["hit 2 of", "in the review queue"]);
    // Its filter clears with one key, and a with the whole file widens it.
    let s = check(
        s,
        "R / \"verdict:confirmed\" enter",
        &["layers=[\"Review queue\"]"],
    );
    let count = |s: &Session| match s.app.view.top() {
        Some(Layer::Queue(q)) => q.items.len(),
        _ => usize::MAX,
    };
    assert_eq!(count(&s), 0);
    let s = check(s, "esc", &["layers=[\"Review queue\"]"]);
    let incident = count(&s);
    let s = check(s, "a", &[]);
    assert!(count(&s) > incident, "the whole file holds more");
}

#[test]
fn the_matrix_fits_80_columns_and_scrolls_its_sources_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (80, 24), "ana");
    // Unzoomed at 80 columns the slots are a list: h and l say how to get the matrix.
    let s = check(
        s,
        "3 l",
        &[
            "focus=Comparison",
            "the sources are columns of the matrix (z zooms)",
        ],
    );
    let s = check(s, "z", &["focus=Comparison"]);
    let header = |s: &Session| {
        let (lines, _) = crosscheck::tui::panes::comparison::content(&s.app, 76);
        lines
            .iter()
            .map(ToString::to_string)
            .find(|l| l.trim_start().starts_with("slot"))
            .expect("a matrix header")
    };
    let first = header(&s);
    assert!(first.contains("1 l▶") && first.contains("AFP?"), "{first}");
    assert!(!first.contains("Gulf News"), "{first}");
    let mut s = check(s, "l", &[]);
    assert_eq!(s.app.view.comparison.column, 1);
    let second = header(&s);
    assert!(
        second.contains("◀h 1") && second.contains("Gulf News?"),
        "{second}"
    );
    // At the last source it stops; h goes back.
    press(&mut s, "l l");
    assert_eq!(s.app.view.comparison.column, 1);
    press(&mut s, "h h");
    assert_eq!(s.app.view.comparison.column, 0);
}

#[test]
fn two_means_that_are_one_are_merged_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_with(dir.path(), (100, 30), "ana", Config::defaults(), true);
    let slots = |s: &Session| -> Vec<(String, usize)> {
        s.app
            .selected_comparison()
            .unwrap()
            .slots
            .iter()
            .map(|x| (x.slot.clone(), x.independent_origins))
            .collect()
    };
    let origins = |s: &Session, name: &str| {
        slots(s)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, o)| o)
    };
    assert_eq!(origins(&s, "means: explosive devices"), Some(2));
    assert_eq!(origins(&s, "means: bombs"), Some(1));
    // Only actors and means merge.
    let s = check(s, "alt-3 g m", &["only actors and means are merged"]);
    let bombs = slots(&s)
        .iter()
        .position(|(n, _)| n == "means: bombs")
        .unwrap();
    let mut s = s;
    s.app.view.comparison.selected = bombs;
    let mut s = check(
        s,
        r#"m "explosive" enter"#,
        &["saved #1", "merged into \\\"means: explosive devices\\\""],
    );
    s.settle();
    assert_eq!(origins(&s, "means: bombs"), None);
    assert_eq!(origins(&s, "means: explosive devices"), Some(3));
    // The merged slot says what was merged into it; m there offers to set it apart.
    let devices = slots(&s)
        .iter()
        .position(|(n, _)| n == "means: explosive devices")
        .unwrap();
    s.app.view.comparison.selected = devices;
    let (lines, _) = crosscheck::tui::panes::comparison::content(&s.app, 96);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|l| l.contains("⊕ merged here: means: bombs")),
        "{text:#?}"
    );
    let mut s = check(s, r#"m "apart" enter"#, &["saved #2", "apart"]);
    s.settle();
    assert_eq!(origins(&s, "means: bombs"), Some(1));
    // Undo merges them again; redo sets them apart.
    let mut s = check(s, "ctrl-z", &["undo #2"]);
    s.settle();
    assert_eq!(origins(&s, "means: explosive devices"), Some(3));
}

#[test]
fn the_article_list_sorts_and_filters_and_esc_clears_the_filter() {
    use crosscheck::tui::app::Row;
    let dir = tempfile::tempdir().unwrap();
    let s = annotating_app(dir.path(), (100, 30), "ana");
    let reports = |s: &Session| -> Vec<String> {
        s.app
            .view
            .list
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Article { report, .. } => {
                    Some(s.app.model.doc.corpus.reports[*report].id.clone())
                }
                Row::Group(_) => None,
            })
            .collect()
    };
    let filed = reports(&s);
    // By outlet: AFP, Gulf News, Taipei Times, The Washington Post under the ambush.
    let s = check(s, "o", &["articles by outlet"]);
    let by_outlet = reports(&s);
    assert_eq!(by_outlet.len(), filed.len());
    assert_ne!(by_outlet, filed);
    assert!(by_outlet[1].starts_with("gulf-news"), "{by_outlet:?}");
    let s = check(s, "o o o", &["articles by date"]);
    assert_eq!(reports(&s), filed);
    // Filtered by outlet: only the Gulf News reports, the selection on the first of them.
    let s = check(
        s,
        r#"f "outlet:gulf" enter"#,
        &["layers=[]", "2 article row(s) match"],
    );
    assert!(reports(&s).iter().all(|r| r.starts_with("gulf-news")));
    assert!(s.app.selected_report().is_some());
    // A field that is not one says so; Esc on the list clears the filter.
    let s = check(
        s,
        r#"f ctrl-u "colour:red" enter"#,
        &["colour: is not a field"],
    );
    let s = check(s, "esc", &["article filter cleared"]);
    assert_eq!(reports(&s), filed);
}
