//! Driving the TUI without a terminal: an app on the sample, key presses, rendering to a
//! TestBackend.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crosscheck::model::Corpus;
use crosscheck::tui::keymap::KeyMap;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::{App, Document, update, view};

/// An app on `corpus` at `size`, with the default key map and theme, its claims delivered
/// as the extraction worker delivers them.
pub fn app_on(corpus: Corpus, size: (u16, u16)) -> App {
    let mut app = app_extracting(corpus, size);
    crosscheck::tui::analyse_now(&mut app);
    app
}

/// An app whose claims are still being extracted.
pub fn app_extracting(corpus: Corpus, size: (u16, u16)) -> App {
    let document = Document::new(corpus, "data/western-desert-2017.ron");
    let mut app = App::new(document, KeyMap::defaults(), Theme::defaults(), size);
    update::fit(&mut app);
    app
}

/// An app on the sample.
pub fn sample_app(size: (u16, u16)) -> App {
    let corpus =
        crosscheck::store::parse(crosscheck::sample::TEXT.as_bytes(), "s.ron".as_ref()).unwrap();
    app_on(corpus, size)
}

/// The terminal event for a key written as in key maps ("j", "G", "enter", "shift-tab").
pub fn key_event(spec: &str) -> Event {
    let (code, mods) = match spec {
        "enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "shift-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "down" => (KeyCode::Down, KeyModifiers::NONE),
        "up" => (KeyCode::Up, KeyModifiers::NONE),
        "pagedown" => (KeyCode::PageDown, KeyModifiers::NONE),
        "end" => (KeyCode::End, KeyModifiers::NONE),
        "ctrl-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
        "ctrl-z" => (KeyCode::Char('z'), KeyModifiers::CONTROL),
        "ctrl-r" => (KeyCode::Char('r'), KeyModifiers::CONTROL),
        "ctrl-s" => (KeyCode::Char('s'), KeyModifiers::CONTROL),
        "ctrl-e" => (KeyCode::Char('e'), KeyModifiers::CONTROL),
        "backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
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

/// Press keys, space-separated ("j j enter"). Annotation writes are performed after each
/// key, as the run loop does.
pub fn press(app: &mut App, keys: &str) {
    for spec in keys.split_whitespace() {
        update::handle_event(app, key_event(spec));
        crosscheck::tui::annotation::perform(app);
    }
}

/// Type `text` into the open input, character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update::handle_event(
            app,
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

/// An app annotating a copy of the sample in `dir` (as `crosscheck FILE` opens it), signed
/// by `user`.
pub fn annotating_app(dir: &std::path::Path, size: (u16, u16), user: &str) -> App {
    let path = dir.join("sample.ron");
    if !path.exists() {
        std::fs::write(&path, crosscheck::sample::TEXT).unwrap();
    }
    let corpus = crosscheck::store::load(&path).unwrap().corpus;
    // A fixed name, so screens do not show the temp dir.
    let document = Document::new(corpus, "data/sample.ron");
    let mut app = App::new(document, KeyMap::defaults(), Theme::defaults(), size);
    app.journal = Some(crosscheck::annotate::Journal::open(&path, user).unwrap());
    update::fit(&mut app);
    crosscheck::tui::analyse_now(&mut app);
    app
}

/// Select the claim of report `report` whose words contain `words`, in the claims pane.
pub fn select_claim_with(app: &mut App, report: usize, words: &str) {
    let group = app
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.reports.contains(&report));
    app.list.selected = app.list.row_of(report, group).expect("report listed");
    update::after_list_moved(app);
    update::fit(app);
    app.focus = crosscheck::tui::state::Pane::Claims;
    let claims = app.claims.claims();
    let i = claims
        .iter()
        .position(|c| c.text.contains(words))
        .expect("claim present");
    app.claims.selected = app
        .claims
        .shown
        .iter()
        .position(|&s| s == i)
        .expect("shown");
    update::fit(app);
}

/// Draw the app into a test terminal of its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal
}

/// The screen as plain text lines.
pub fn screen_text(app: &App) -> String {
    let terminal = render(app);
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
