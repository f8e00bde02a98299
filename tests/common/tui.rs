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
    let extractor = crosscheck::extract::Extractor::default();
    let claims = extractor.corpus(&app.doc.corpus);
    let comparisons =
        crosscheck::compare::compare_all(&app.doc.corpus, &claims, extractor.lexicon());
    update::claims_ready(&mut app, claims);
    update::comparisons_ready(&mut app, comparisons);
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
        "ctrl-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
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

/// Press keys, space-separated ("j j enter").
pub fn press(app: &mut App, keys: &str) {
    for spec in keys.split_whitespace() {
        update::handle_event(app, key_event(spec));
    }
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
