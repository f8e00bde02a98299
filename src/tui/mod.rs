//! The terminal interface, as update/view: key events become named actions ([`action`]),
//! [`update`] applies them to the [`state`], and [`view`] draws the state.

pub mod action;
pub mod article_list_pane;
pub mod claims_pane;
pub mod comparison_pane;
pub mod describe;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod overlays;
pub mod reader_pane;
pub mod state;
pub mod status_bar;
pub mod terminal;
pub mod text_block;
pub mod theme;
pub mod update;
pub mod view;

use std::sync::atomic::Ordering;
use std::time::Duration;

use ratatui::crossterm::event;

pub use state::{App, Document};

/// How long to wait for input before checking for a stop signal.
const POLL: Duration = Duration::from_millis(200);

/// Run the interface until the user quits. The terminal is restored however this returns.
pub fn run(mut app: App, mouse: bool) -> std::io::Result<()> {
    let mut guard = terminal::TerminalGuard::enter(mouse)?;
    let size = guard.terminal.size()?;
    app.size = (size.width, size.height);
    update::fit(&mut app);
    let mut dirty = true;
    while !app.quit && !guard.stop.load(Ordering::Relaxed) {
        if dirty {
            guard.terminal.draw(|frame| view::draw(frame, &app))?;
            dirty = false;
        }
        if !event::poll(POLL)? {
            continue;
        }
        // Handle everything already queued before drawing once: keeps up with key repeat.
        loop {
            dirty |= update::handle_event(&mut app, event::read()?);
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    tracing::info!("quit");
    Ok(())
}
