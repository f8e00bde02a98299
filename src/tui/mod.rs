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
pub mod side_by_side;
pub mod state;
pub mod status_bar;
pub mod terminal;
pub mod text_block;
pub mod theme;
pub mod update;
pub mod view;

use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use ratatui::crossterm::event;

use crate::compare::Comparison;
use crate::extract::Extractor;
use crate::model::{Claim, Corpus};

pub use state::{App, Document};

/// How long to wait for input before checking for a stop signal.
const POLL: Duration = Duration::from_millis(200);
/// How long to wait for input while background work may finish.
const WORKER_POLL: Duration = Duration::from_millis(25);

/// What the background worker delivers, in this order.
#[derive(Debug)]
pub enum Work {
    /// The claims of every report.
    Claims(Vec<Vec<Claim>>),
    /// The comparison of every incident.
    Comparisons(Vec<Comparison>),
}

/// Start extracting the claims of `corpus`, then comparing its incidents, on a worker thread;
/// results arrive on the returned channel. The work uses every core (rayon) and never blocks
/// a keystroke.
pub fn analyse_in_background(corpus: Arc<Corpus>) -> mpsc::Receiver<Work> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("analysis".into())
        .spawn(move || {
            let start = std::time::Instant::now();
            let extractor = Extractor::default();
            let claims = extractor.corpus(&corpus);
            tracing::info!(
                reports = claims.len(),
                ms = start.elapsed().as_millis() as u64,
                "claims extracted"
            );
            // The interface may have quit already; then nobody needs the results.
            if tx.send(Work::Claims(claims.clone())).is_err() {
                return;
            }
            let comparisons = crate::compare::compare_all(&corpus, &claims, extractor.lexicon());
            tracing::info!(
                incidents = comparisons.len(),
                ms = start.elapsed().as_millis() as u64,
                "sources compared"
            );
            let _ = tx.send(Work::Comparisons(comparisons));
        });
    if let Err(e) = spawned {
        tracing::error!("cannot start the analysis thread: {e}");
    }
    rx
}

/// Run the interface until the user quits. The terminal is restored however this returns.
pub fn run(mut app: App, mouse: bool) -> std::io::Result<()> {
    let work = analyse_in_background(Arc::clone(&app.doc.corpus));
    let mut waiting = true;
    let mut guard = terminal::TerminalGuard::enter(mouse)?;
    let size = guard.terminal.size()?;
    app.size = (size.width, size.height);
    update::fit(&mut app);
    let mut dirty = true;
    while !app.quit && !guard.stop.load(Ordering::Relaxed) {
        while waiting && let Ok(result) = work.try_recv() {
            match result {
                Work::Claims(claims) => update::claims_ready(&mut app, claims),
                Work::Comparisons(comparisons) => {
                    update::comparisons_ready(&mut app, comparisons);
                    waiting = false;
                }
            }
            dirty = true;
        }
        if dirty {
            guard.terminal.draw(|frame| view::draw(frame, &app))?;
            dirty = false;
        }
        // Poll briefly while the worker runs, so its result shows as soon as it is ready.
        if !event::poll(if waiting { WORKER_POLL } else { POLL })? {
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
