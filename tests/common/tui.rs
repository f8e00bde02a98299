//! Driving the TUI without a terminal: a session on the sample, key presses, rendering to a
//! TestBackend. The session answers analysis inline, so every key's consequences are in the
//! state when `press` returns.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crosscheck::model::Corpus;
use crosscheck::tui::app::Pane;
use crosscheck::tui::config::Config;
use crosscheck::tui::{App, Document, Session, update, view};

/// A session on `corpus` at `size`, with the default key map and theme, analysed.
pub fn app_on(corpus: Corpus, size: (u16, u16)) -> Session {
    let mut session = app_extracting(corpus, size);
    session.start();
    session
}

/// A session whose claims are still being extracted.
pub fn app_extracting(corpus: Corpus, size: (u16, u16)) -> Session {
    let document = Document::new(corpus, "data/western-desert-2017.ron");
    let mut app = App::new(document, Config::defaults(), size);
    update::fit(&mut app);
    Session::inline(app, None)
}

/// A session on the sample.
pub fn sample_app(size: (u16, u16)) -> Session {
    let corpus =
        crosscheck::store::parse(crosscheck::sample::TEXT.as_bytes(), "s.ron".as_ref()).unwrap();
    app_on(corpus, size)
}

/// The terminal event for a key written as in key maps ("j", "G", "enter", "shift-tab").
pub fn key_event(spec: &str) -> Event {
    let (code, mods) = match spec {
        "enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "alt-enter" => (KeyCode::Enter, KeyModifiers::ALT),
        "esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "shift-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "down" => (KeyCode::Down, KeyModifiers::NONE),
        "up" => (KeyCode::Up, KeyModifiers::NONE),
        "pagedown" => (KeyCode::PageDown, KeyModifiers::NONE),
        "end" => (KeyCode::End, KeyModifiers::NONE),
        "f2" => (KeyCode::F(2), KeyModifiers::NONE),
        "backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        s if s.starts_with("ctrl-") && s.chars().count() == 6 => (
            KeyCode::Char(s.chars().last().unwrap()),
            KeyModifiers::CONTROL,
        ),
        s if s.starts_with("alt-") && s.chars().count() == 5 => {
            (KeyCode::Char(s.chars().last().unwrap()), KeyModifiers::ALT)
        }
        s if s.chars().count() == 1 => {
            let c = s.chars().next().unwrap();
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), mods)
        }
        other => panic!("no test event for {other}"),
    };
    Event::Key(KeyEvent::new(code, mods))
}

/// Press keys, space-separated ("j j enter"); their effects are performed, as the run loop
/// does.
pub fn press(session: &mut Session, keys: &str) {
    for spec in keys.split_whitespace() {
        session.handle_event(key_event(spec));
    }
}

/// Type `text` into the open input, character by character.
pub fn type_text(session: &mut Session, text: &str) {
    for c in text.chars() {
        session.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

/// A session annotating a copy of the sample in `dir` (as `crosscheck FILE` opens it),
/// signed by `user`.
pub fn annotating_app(dir: &std::path::Path, size: (u16, u16), user: &str) -> Session {
    annotating_with(dir, size, user, Config::defaults(), false)
}

/// [`annotating_app`] with `config`; `threaded`: its analysis on the worker thread, as in
/// the terminal (settled once before it is returned).
pub fn annotating_with(
    dir: &std::path::Path,
    size: (u16, u16),
    user: &str,
    config: Config,
    threaded: bool,
) -> Session {
    let path = dir.join("sample.ron");
    if !path.exists() {
        std::fs::write(&path, crosscheck::sample::TEXT).unwrap();
    }
    let corpus = crosscheck::store::load(&path).unwrap().corpus;
    // A fixed name, so screens do not show the temp dir.
    let document = Document::new(corpus, "data/sample.ron");
    let mut app = App::new(document, config, size);
    update::fit(&mut app);
    let journal = crosscheck::annotate::Journal::open(&path, user).unwrap();
    let mut session = if threaded {
        Session::threaded(app, Some(journal))
    } else {
        Session::inline(app, Some(journal))
    };
    session.start();
    session.settle();
    session
}

/// Select the claim of report `report` whose words contain `words`, in the claims pane.
pub fn select_claim_with(session: &mut Session, report: usize, words: &str) {
    let app = &mut session.app;
    let group = app
        .model
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.reports.contains(&report));
    app.view.list.selected = app.view.list.row_of(report, group).expect("report listed");
    update::navigation::after_list_moved(app);
    update::fit(app);
    app.view.focus = Pane::Claims;
    let claims = app.listed_claims();
    let i = claims
        .iter()
        .position(|c| c.text.contains(words))
        .expect("claim present");
    app.view.claims.selected = app
        .view
        .claims
        .shown
        .iter()
        .position(|&s| s == i)
        .expect("shown");
    update::fit(app);
}

/// True when claim `id` is among the values of some slot of the comparisons.
pub fn is_compared(session: &Session, id: &str) -> bool {
    let comparisons = session.app.model.comparisons.as_ref().expect("compared");
    comparisons
        .iter()
        .flat_map(|c| &c.slots)
        .flat_map(|s| &s.values)
        .any(|v| v.claim == id)
}

/// Draw the app into a test terminal of its size.
pub fn render(session: &Session) -> Terminal<TestBackend> {
    let (w, h) = session.app.view.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, &session.app)).unwrap();
    terminal
}

/// The screen as plain text lines.
pub fn screen_text(session: &Session) -> String {
    let terminal = render(session);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        // A wide character's second cell is blank in the buffer: skip it as a terminal would.
        let mut hidden = 0;
        for x in 0..buffer.area.width {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            hidden = crosscheck::text::width(symbol).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}
