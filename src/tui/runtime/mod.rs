//! The runtime: the terminal, the workers and the loop that joins them to `update`. It reads
//! events, hands them to a [`Session`], performs the effects, takes the workers' replies, and
//! draws when something changed. The terminal is restored however it ends.

pub mod analysis;
pub mod data_file;
pub mod remembered;
pub mod search;
pub mod session;
pub mod terminal;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use ratatui::crossterm::event;

pub use session::Session;

use crate::annotate::Journal;
use crate::tui::app::App;

/// How long to wait for input before checking for a stop signal.
const POLL: Duration = Duration::from_millis(200);
/// How long to wait for input while background work may finish.
const WORKER_POLL: Duration = Duration::from_millis(25);
/// How often to look for annotations written by another instance or a script.
const REFRESH: Duration = Duration::from_secs(2);

/// Run the interface on `app` (annotating with `journal`) until the user quits; returns the
/// app as it was left, for what is remembered until the next run.
pub fn run(app: App, journal: Option<Journal>, mouse: bool) -> std::io::Result<App> {
    let mut session = Session::threaded(app, journal);
    let mut guard = terminal::TerminalGuard::enter(mouse)?;
    let size = guard.terminal.size()?;
    session.app.view.size = (size.width, size.height);
    session.start();
    let mut last_refresh = Instant::now();
    let mut dirty = true;
    while !session.quit && !guard.stop.load(Ordering::Relaxed) {
        dirty |= session.pump();
        // Another instance or a script may have annotated the same file: pick it up, but not
        // under an open window, whose text must not change while it is read.
        if last_refresh.elapsed() >= REFRESH && session.app.view.layers.is_empty() {
            last_refresh = Instant::now();
            let before = session.app.view.status.clone();
            session.refresh();
            dirty |= session.app.view.status != before || !session.app.view.layers.is_empty();
        }
        if dirty {
            guard
                .terminal
                .draw(|frame| crate::tui::view::draw(frame, &session.app))?;
            dirty = false;
        }
        // Poll briefly while a worker runs, so its result shows as soon as it is ready.
        let wait = if session.busy() || session.searching() {
            WORKER_POLL
        } else {
            POLL
        };
        if !event::poll(wait)? {
            continue;
        }
        // Handle everything already queued before drawing once: keeps up with key repeat.
        // Each annotation is written (and fsynced) before the next key is read.
        loop {
            dirty |= session.handle_event(event::read()?);
            if session.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    session.close();
    tracing::info!("quit");
    Ok(session.app)
}
