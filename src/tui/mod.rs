//! The terminal interface, as update/view: key events become named actions ([`action`]),
//! [`update`] applies them to the [`state`], and [`view`] draws the state.

pub mod action;
pub mod annotation;
pub mod article_list_pane;
pub mod claims_pane;
pub mod comparison_pane;
pub mod data_file;
pub mod describe;
pub mod filter;
pub mod incidents;
pub mod input;
pub mod input_view;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod overlays;
pub mod reader_pane;
pub mod search_worker;
pub mod side_by_side;
pub mod state;
pub mod status_bar;
pub mod terminal;
pub mod text_block;
pub mod theme;
pub mod update;
pub mod view;
pub mod visual;

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
/// How often to look for annotations written by another instance or a script.
const REFRESH: Duration = Duration::from_secs(2);

/// What the background worker delivers, in this order.
#[derive(Debug)]
pub enum Work {
    /// The claims of every report, shared with the worker (which compares them next) rather
    /// than copied: a copy would double the largest thing in memory.
    Claims(Arc<Vec<Vec<Claim>>>),
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
            let claims = Arc::new(extractor.corpus(&corpus));
            tracing::info!(
                reports = claims.len(),
                ms = start.elapsed().as_millis() as u64,
                "claims extracted"
            );
            // The interface may have quit already; then nobody needs the results.
            if tx.send(Work::Claims(Arc::clone(&claims))).is_err() {
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

/// Do at once what [`analyse_in_background`] does, and deliver the results as the run loop
/// does: the state the interface reaches when the worker is done. For tests and benchmarks.
pub fn analyse_now(app: &mut App) {
    app.reanalyse = false;
    let extractor = Extractor::default();
    let claims = extractor.corpus(&app.doc.corpus);
    let comparisons = crate::compare::compare_all(&app.doc.corpus, &claims, extractor.lexicon());
    update::claims_ready(app, Arc::new(claims));
    update::comparisons_ready(app, comparisons);
}

/// Run the interface until the user quits. The terminal is restored however this returns.
pub fn run(mut app: App, mouse: bool) -> std::io::Result<()> {
    let mut work = analyse_in_background(Arc::clone(&app.doc.corpus));
    let (search_tx, search_rx) = search_worker::spawn();
    app.search = Some(search_tx);
    let mut waiting = true;
    let mut last_refresh = std::time::Instant::now();
    let mut guard = terminal::TerminalGuard::enter(mouse)?;
    let size = guard.terminal.size()?;
    app.size = (size.width, size.height);
    update::fit(&mut app);
    let mut dirty = true;
    while !app.quit && !guard.stop.load(Ordering::Relaxed) {
        while waiting && let Ok(result) = work.try_recv() {
            match result {
                Work::Claims(claims) => {
                    update::claims_ready(&mut app, claims);
                    if let (Some(tx), Some(claims)) = (&app.search, &app.claims.by_report) {
                        let _ = tx.send(search_worker::Request::Build {
                            corpus: Arc::clone(&app.doc.corpus),
                            claims: Arc::clone(claims),
                        });
                    }
                    app.effects.push(annotation::Effect::Refresh);
                }
                Work::Comparisons(comparisons) => {
                    update::comparisons_ready(&mut app, comparisons);
                    waiting = false;
                }
            }
            dirty = true;
        }
        while let Ok(reply) = search_rx.try_recv() {
            update::search_reply(&mut app, reply);
            dirty = true;
        }
        // Another instance or a script may have annotated the same file: pick it up.
        if last_refresh.elapsed() >= REFRESH && app.effects.is_empty() && app.input.is_none() {
            last_refresh = std::time::Instant::now();
            app.effects.push(annotation::Effect::Refresh);
        }
        if !app.effects.is_empty() {
            let before = app.status.clone();
            annotation::perform(&mut app);
            dirty |= app.status != before || !app.overlays.is_empty();
        }
        // The incidents changed: extract and compare again, off the interface thread.
        if std::mem::take(&mut app.reanalyse) {
            work = analyse_in_background(Arc::clone(&app.doc.corpus));
            waiting = true;
            dirty = true;
        }
        if dirty {
            guard.terminal.draw(|frame| view::draw(frame, &app))?;
            dirty = false;
        }
        // Poll briefly while a worker runs, so its result shows as soon as it is ready.
        let searching = matches!(&app.input, Some(input::Input::Search(s)) if s.busy);
        if !event::poll(if waiting || searching {
            WORKER_POLL
        } else {
            POLL
        })? {
            continue;
        }
        // Handle everything already queued before drawing once: keeps up with key repeat.
        // Each annotation is written (and fsynced) before the next key is read.
        loop {
            dirty |= update::handle_event(&mut app, event::read()?);
            annotation::perform(&mut app);
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    if let Some(journal) = app.journal.as_mut()
        && let Err(e) = journal.compact()
    {
        // Nothing is lost: the journal still holds every entry.
        tracing::warn!("annotations not compacted on quit: {e}");
    }
    tracing::info!("quit");
    Ok(())
}
