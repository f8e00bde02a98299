//! The workbench windows over the panes: the incident's sources (grade one, open its
//! report), the timeline of its figures, and the review queue (walk what is left to review;
//! after Enter, n and N walk the queue as they walk a search's hits).

use super::annotation::reliability_of;
use super::fit::keep_in_view;
use super::navigation::{moved, select_claim};
use crate::annotate::{Target, Value};
use crate::search::HitKind;
use crate::tui::action::Action;
use crate::tui::app::forms::{Field, SearchHit};
use crate::tui::app::queue::ReviewQueue;
use crate::tui::app::{App, Effect, Found, Layer, Pane};
use crate::tui::config::keymap::Context;
use crate::tui::layers::sources;
use crate::tui::layers::window::centered;
use crate::tui::panes::text_block::{inner_height, inner_width, wrap_lines};

/// Open a workbench window. False when `action` opens none.
pub fn open(app: &mut App, action: Action) -> bool {
    let layer = match action {
        Action::Sources | Action::Timeline if app.selected_comparison().is_none() => {
            app.view.status = Some("select an incident (its comparison is needed)".into());
            return true;
        }
        Action::Sources => {
            let reports = sources::reports(app);
            let selected = app
                .selected_report()
                .and_then(|r| reports.iter().position(|&x| x == r))
                .unwrap_or(0);
            Layer::Sources {
                selected,
                scroll: 0,
            }
        }
        Action::Timeline => Layer::Timeline { scroll: 0 },
        Action::ReviewQueue => Layer::Queue(Box::new(ReviewQueue::new(
            &app.model,
            app.selected_incident(),
        ))),
        _ => return false,
    };
    app.view.layers.push(layer);
    true
}

/// A key on the sources window.
pub fn sources(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Layer::Sources { selected, scroll }) = app.view.layers.pop() else {
        return;
    };
    let reports = sources::reports(app);
    let page = page(app);
    let mut selected = selected.min(reports.len().saturating_sub(1));
    match action {
        Action::Back | Action::Help => return,
        Action::Quit => return fx.push(Effect::Quit),
        Action::Open => {
            if let Some(&r) = reports.get(selected) {
                let id = app.model.doc.corpus.reports[r].id.clone();
                if let Some(claim) = app.model.claims_of(r).first().map(|c| c.id.clone()) {
                    select_claim(app, &id, &claim);
                } else {
                    app.view.reader = Some(r);
                }
                app.view.reader_beside_comparison = false;
                app.view.reader_scroll = 0;
                app.view.focus = Pane::Reader;
            }
            return;
        }
        // The source's claims still to review, across the incident: the review queue,
        // filtered by it.
        Action::FilterClaims => {
            if let Some(&r) = reports.get(selected) {
                let mut q = ReviewQueue::new(&app.model, app.selected_incident());
                let id = &app.model.doc.corpus.reports[r].id;
                q.filter = Field::new("filter", &format!("source:{id}"), false);
                q.rebuild(&app.model);
                app.view.layers.push(Layer::Queue(Box::new(q)));
            }
            return;
        }
        _ => {
            if let (Some(grade), Some(&r)) = (reliability_of(action), reports.get(selected)) {
                if app.annotating() {
                    let id = app.model.doc.corpus.reports[r].id.clone();
                    fx.push(Effect::set(vec![(
                        Target::Source(id),
                        Value::Reliability(grade),
                    )]));
                } else {
                    app.view.status = Some(super::annotation::NO_JOURNAL.into());
                }
            } else {
                selected = moved(selected, reports.len(), action, page);
            }
        }
    }
    // The selected source's block starts on screen.
    let (lines, starts) = sources::lines(app, selected);
    let area = centered(screen(app));
    let width = inner_width(area);
    let mut wrapped_starts = Vec::with_capacity(starts.len());
    let (mut total, mut next) = (0, starts.iter().peekable());
    for (n, line) in lines.iter().enumerate() {
        if next.peek() == Some(&&n) {
            wrapped_starts.push(total);
            next.next();
        }
        total += wrap_lines(std::slice::from_ref(line), width).len();
    }
    let mut scroll = scroll;
    if let Some(&top) = wrapped_starts.get(selected) {
        let bottom = wrapped_starts.get(selected + 1).copied().unwrap_or(total);
        let h = inner_height(area);
        if top < scroll {
            scroll = top;
        } else if bottom > scroll + h {
            scroll = bottom.saturating_sub(h).min(top);
        }
    }
    app.view.layers.push(Layer::Sources { selected, scroll });
}

/// A key on the review queue (its filter not being typed).
pub fn queue(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(Layer::Queue(mut q)) = app.view.layers.pop() else {
        return;
    };
    match action {
        Action::Back if !q.filter.text().is_empty() => {
            q.filter = Field::new("filter", "", false);
            q.rebuild(&app.model);
        }
        Action::Back | Action::Help => return,
        Action::Quit => return fx.push(Effect::Quit),
        Action::Search => q.typing = true,
        Action::QueueScope => {
            q.incident = match q.incident {
                Some(_) => None,
                None => app.selected_incident(),
            };
            q.selected = 0;
            q.rebuild(&app.model);
        }
        Action::Open => return walk_queue(app, &q),
        _ => q.selected = moved(q.selected, q.items.len(), action, page(app)),
    }
    let rows = crate::tui::layers::queue::rows_shown(app.view.size);
    keep_in_view(q.selected, &mut q.offset, q.items.len(), rows.max(1));
    app.view.layers.push(Layer::Queue(q));
}

/// Enter on the queue: go to the selected claim; n and N then walk the queue from there.
fn walk_queue(app: &mut App, q: &ReviewQueue) {
    let hits: Vec<SearchHit> = q
        .items
        .iter()
        .filter_map(|item| {
            let claim = app.model.claims_of(item.report).get(item.claim)?;
            Some(SearchHit {
                kind: HitKind::Claim,
                report: item.report,
                claim: Some(claim.id.clone()),
                at: claim.span[0],
                text: claim.text.clone(),
                marks: Vec::new(),
            })
        })
        .collect();
    let Some(hit) = hits.get(q.selected).cloned() else {
        return;
    };
    super::navigation::jump_to_hit(app, &hit);
    let next = app.key_hint(Context::Found, Action::NextHit, "next");
    app.view.status = Some(format!(
        "{} of {} in the review queue{next}",
        q.selected + 1,
        hits.len()
    ));
    app.view.found = Some(Found {
        what: "in the review queue".into(),
        at: q.selected,
        hits,
    });
}

/// The queue on top was typed into: gather its items again.
pub fn requeue(app: &mut App) {
    if let Some(Layer::Queue(_)) = app.view.top()
        && let Some(Layer::Queue(mut q)) = app.view.layers.pop()
    {
        q.rebuild(&app.model);
        q.offset = 0;
        app.view.layers.push(Layer::Queue(q));
    }
}

fn screen(app: &App) -> ratatui::layout::Rect {
    ratatui::layout::Rect::new(0, 0, app.view.size.0, app.view.size.1)
}

/// A window's page: its inner height less one.
fn page(app: &App) -> usize {
    inner_height(centered(screen(app))).max(2) - 1
}
