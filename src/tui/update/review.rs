//! Walking the claims still to review: the next (or previous) unreviewed claim in the
//! report's list, then in the next reports of the article list.

use super::fit::fit;
use super::navigation::{after_claim_moved, after_list_moved};
use crate::model::Claim;
use crate::tui::action::Action;
use crate::tui::app::{App, Pane, Row};

/// Carry out a review-walk action. False when `action` is not one.
pub fn update(app: &mut App, action: Action) -> bool {
    match action {
        Action::NextUnreviewed | Action::PrevUnreviewed => {
            next_unreviewed(app, action == Action::NextUnreviewed, None);
            true
        }
        _ => false,
    }
}

/// The first claim of the shown list in `range` (indices into `shown`) still to review.
fn find(app: &App, mut range: impl Iterator<Item = usize>, skip: Option<&str>) -> Option<usize> {
    let claims = app.listed_claims();
    let shown = &app.view.claims.shown;
    range.find(|&i| {
        let c: &Claim = &claims[shown[i]];
        Some(c.id.as_str()) != skip
            && !app
                .note_of(c)
                .is_some_and(crate::annotate::state::ClaimNote::reviewed)
    })
}

/// Select the next (or previous) unreviewed claim. `skip` is a claim just reviewed whose
/// write is pending.
pub fn next_unreviewed(app: &mut App, forward: bool, skip: Option<&str>) {
    let here = app.view.claims.selected;
    let n = app.view.claims.shown.len();
    let found = if forward {
        find(app, here + 1..n, skip)
    } else {
        find(app, (0..here).rev(), skip)
    };
    if let Some(i) = found {
        app.view.claims.selected = i;
        after_claim_moved(app);
        return;
    }
    // On to the next report with claims left to review.
    let rows = app.view.list.rows.len();
    let start = app.view.list.selected;
    let order: Vec<usize> = if forward {
        (start + 1..rows).collect()
    } else {
        (0..start).rev().collect()
    };
    for row in order {
        if let Row::Article { report, .. } = app.view.list.rows[row]
            && app
                .model
                .notes
                .reviewed
                .get(report)
                .is_some_and(|(done, all)| done < all)
            && Some(report) != app.view.claims.report
        {
            app.view.list.selected = row;
            after_list_moved(app);
            fit(app);
            let n = app.view.claims.shown.len();
            let pick = if forward {
                find(app, 0..n, skip)
            } else {
                find(app, (0..n).rev(), skip)
            };
            app.view.claims.selected = pick.unwrap_or(0);
            app.view.focus = Pane::Claims;
            after_claim_moved(app);
            return;
        }
    }
    app.view.status = Some("no unreviewed claim further on".into());
}
