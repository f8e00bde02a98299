//! Returning to where the analyst was when they quit: the report under its incident, the
//! focused pane, the comparison's slot, the reader, and — once the claims are known — the
//! claim. What no longer exists is passed over; nothing here fails.

use super::fit::{fit, refresh_shown, show_claim_in_reader};
use super::navigation::{after_list_moved, row_of_report};
use crate::tui::app::spot::Spot;
use crate::tui::app::{App, Pane};

/// Go back to `spot`, as far as the file still holds it.
pub fn restore(app: &mut App, spot: &Spot) {
    let corpus = &app.model.doc.corpus;
    let Some(r) = spot
        .report
        .as_ref()
        .and_then(|id| corpus.reports.iter().position(|x| &x.id == id))
    else {
        return;
    };
    let incident = spot
        .incident
        .as_ref()
        .and_then(|id| corpus.incidents.iter().position(|i| &i.id == id));
    let group = app
        .model
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.incident == incident && g.reports.contains(&r));
    let Some(row) = row_of_report(app, r, group) else {
        return;
    };
    app.view.list.selected = row;
    after_list_moved(app);
    app.view.comparison.pending = Some(spot.slot);
    if spot.reader {
        app.view.reader = Some(r);
    }
    if let Some(pane) = spot.pane().filter(|&p| p != Pane::Reader || spot.reader) {
        app.view.focus = pane;
    }
    app.view.claims.pending.clone_from(&spot.claim);
    select_pending(app);
    fit(app);
}

/// Select the slot and the claim a restored spot named, each once it is known.
pub fn select_pending(app: &mut App) {
    if app.model.comparisons.is_some()
        && let Some(slot) = app.view.comparison.pending.take()
    {
        // `fit` keeps it within the incident's slots.
        app.view.comparison.selected = slot;
    }
    select_pending_claim(app);
}

/// Select the claim a restored spot named, when the listed report's claims are known.
fn select_pending_claim(app: &mut App) {
    let (Some(id), Some(r)) = (app.view.claims.pending.as_ref(), app.view.claims.report) else {
        return;
    };
    if app.model.claims.is_none() {
        return; // still being extracted: the reply calls again
    }
    let index = app.model.claims_of(r).iter().position(|c| &c.id == id);
    app.view.claims.pending = None;
    refresh_shown(app);
    if let Some(at) = index.and_then(|i| app.view.claims.shown.iter().position(|&s| s == i)) {
        app.view.claims.selected = at;
        if app.view.reader == Some(r) {
            show_claim_in_reader(app);
        }
    }
}
