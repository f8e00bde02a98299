//! Moving about: within a pane, between panes, folding the article list, opening a report,
//! and the jumps that select a claim somewhere else (a slot's next value, a claim's slot, a
//! search hit). The panes that follow the article list's selection follow it here.

use super::fit::{fit, refresh_shown, screen, show_claim_in_reader, show_offset_in_reader};
use crate::tui::action::Action;
use crate::tui::app::forms::SearchHit;
use crate::tui::app::{App, Pane, Row};
use crate::tui::config::keymap::Context;
use crate::tui::panes::text_block::inner_height;

/// Carry out a navigation action on the panes. False when `action` is not one.
pub fn update(app: &mut App, action: Action) -> bool {
    match action {
        Action::MoveUp
        | Action::MoveDown
        | Action::PageUp
        | Action::PageDown
        | Action::MoveTop
        | Action::MoveBottom => move_in(app, app.view.focus, action),
        Action::FocusNext | Action::FocusPrev => {
            let cycle = screen(app).cycle;
            let focus = &mut app.view.focus;
            if let Some(i) = cycle.iter().position(|p| p == focus) {
                let n = cycle.len();
                *focus = cycle[if action == Action::FocusNext {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }];
            } else if let Some(first) = cycle.first() {
                *focus = *first;
            }
        }
        Action::FocusArticles
        | Action::FocusClaims
        | Action::FocusComparison
        | Action::FocusReader => {
            focus_pane(app, action);
        }
        Action::ColumnsLeft | Action::ColumnsRight => sideways(app, action),
        Action::Open => open(app),
        Action::ToggleGroup => {
            if let Some(row) = app.view.list.selected_row() {
                let g = row.group();
                set_folded(app, g, !app.view.list.collapsed[g]);
            }
        }
        Action::Collapse => match app.view.list.selected_row() {
            Some(Row::Article { group, .. }) => {
                let list = &mut app.view.list;
                list.selected = list
                    .rows
                    .iter()
                    .position(|r| *r == Row::Group(group))
                    .unwrap_or(0);
                after_list_moved(app);
            }
            Some(Row::Group(g)) => set_folded(app, g, true),
            None => {}
        },
        Action::Expand => {
            if let Some(Row::Group(g)) = app.view.list.selected_row() {
                set_folded(app, g, false);
            }
        }
        Action::CollapseAll | Action::ExpandAll => {
            let folded = action == Action::CollapseAll;
            app.view.list.collapsed.iter_mut().for_each(|c| *c = folded);
            app.view.list.rebuild(&app.model.doc.index);
            after_list_moved(app);
        }
        Action::JumpToSlot => jump_to_slot(app),
        Action::Zoom => app.view.zoomed = !app.view.zoomed,
        _ => return false,
    }
    true
}

/// A number key: focus a pane, bringing it on screen when the layout hides it.
fn focus_pane(app: &mut App, action: Action) {
    let pane = match action {
        Action::FocusClaims => Pane::Claims,
        Action::FocusComparison => Pane::Comparison,
        Action::FocusReader => Pane::Reader,
        _ => Pane::Articles,
    };
    if pane == Pane::Reader && app.view.reader.is_none() {
        match app.view.selected_report() {
            Some(report) => {
                app.view.reader = Some(report);
                app.view.reader_scroll = 0;
                app.view.reader_beside_comparison = false;
            }
            None => {
                app.view.status = Some("select an article to read it".into());
                return;
            }
        }
    }
    app.view.focus = pane;
    // With the reader open on a medium screen the comparison shares its column.
    if pane == Pane::Comparison && !screen(app).cycle.contains(&pane) {
        app.view.reader_beside_comparison = true;
    }
}

/// Enter: open the article, fold an incident, show a slot's next value or a claim's text.
fn open(app: &mut App) {
    let focus = app.view.focus;
    match app.view.list.selected_row() {
        Some(Row::Group(g)) if focus == Pane::Articles => {
            set_folded(app, g, !app.view.list.collapsed[g]);
        }
        Some(Row::Article { report, .. }) if focus == Pane::Articles => {
            app.view.reader = Some(report);
            app.view.reader_scroll = 0;
            app.view.reader_beside_comparison = false;
            app.view.focus = Pane::Reader;
        }
        _ if focus == Pane::Comparison => show_next_value(app),
        // On a claim: show it in the text, keeping the claims in hand to move on.
        _ if focus == Pane::Claims && app.selected_claim().is_some() => {
            app.view.reader = app.view.claims.report;
            app.view.reader_beside_comparison = false;
            show_claim_in_reader(app);
        }
        _ => {}
    }
}

fn set_folded(app: &mut App, group: usize, folded: bool) {
    app.view.list.collapsed[group] = folded;
    app.view.list.rebuild(&app.model.doc.index);
    after_list_moved(app);
}

/// Move or scroll within `pane`.
pub fn move_in(app: &mut App, pane: Pane, action: Action) {
    let page = screen(app).area(pane).map_or(1, inner_height).max(2) - 1;
    match pane {
        Pane::Articles => {
            let before = app.view.list.selected;
            app.view.list.selected = moved(before, app.view.list.rows.len(), action, page);
            if app.view.list.selected != before {
                after_list_moved(app);
            }
        }
        Pane::Reader => scroll_by(&mut app.view.reader_scroll, action, page),
        Pane::Claims => {
            let before = app.view.claims.selected;
            app.view.claims.selected = moved(before, app.view.claims.shown.len(), action, page);
            if app.view.claims.selected != before {
                show_claim_in_reader(app);
            }
        }
        Pane::Comparison => match app.selected_comparison().map(|c| c.slots.len()) {
            Some(n) if n > 0 => {
                let view = &mut app.view.comparison;
                let before = view.selected;
                view.selected = moved(before, n, action, page);
                if matches!(action, Action::MoveTop | Action::MoveBottom) {
                    // The very top (the incident's header and origins) or the very bottom
                    // (the flags), with the first or last slot selected.
                    view.free = true;
                    scroll_by(&mut view.scroll, action, page);
                } else if view.selected != before {
                    view.free = false;
                    view.scroll = usize::MAX; // fit brings the selected slot into view
                } else {
                    // At the first or last slot: go on scrolling, to what is above or below.
                    view.free = true;
                    scroll_by(&mut view.scroll, action, page);
                }
                if view.selected != before {
                    view.next_value = 0;
                }
            }
            _ => scroll_by(&mut app.view.comparison.scroll, action, page),
        },
    }
}

/// Scroll the matrix's source columns; `fit` stops them at the last source. Without a
/// matrix (a narrow pane) say how to get one.
fn sideways(app: &mut App, action: Action) {
    let wide = screen(app).area(Pane::Comparison).is_some_and(|a| {
        crate::tui::panes::text_block::inner_width(a) >= crate::tui::panes::matrix::MATRIX_FROM
    });
    if !wide {
        let zoom = app.key_hint(Context::Comparison, Action::Zoom, "zooms");
        app.view.status = Some(format!("the sources are columns of the matrix{zoom}"));
        return;
    }
    let view = &mut app.view.comparison;
    view.column = if action == Action::ColumnsLeft {
        view.column.saturating_sub(1)
    } else {
        view.column + 1
    };
}

/// A list selection after a movement, within `0..len`.
pub fn moved(selected: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::MoveUp => selected.saturating_sub(1),
        Action::MoveDown => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        Action::MoveTop => 0,
        Action::MoveBottom => last,
        _ => selected,
    }
}

/// Apply a movement to a scroll offset; `fit` clamps the bottom.
pub fn scroll_by(offset: &mut usize, action: Action, page: usize) {
    *offset = match action {
        Action::MoveUp => offset.saturating_sub(1),
        Action::MoveDown => offset.saturating_add(1),
        Action::PageUp => offset.saturating_sub(page),
        Action::PageDown => offset.saturating_add(page),
        Action::MoveTop => 0,
        Action::MoveBottom => usize::MAX,
        _ => *offset,
    };
}

/// The article list's selection moved: the panes that follow it start again from the top,
/// and the reader, when open, shows the newly selected article.
pub fn after_list_moved(app: &mut App) {
    let incident = app.selected_incident();
    let view = &mut app.view;
    if incident != view.comparison.incident {
        view.comparison = crate::tui::app::ComparisonView {
            incident,
            ..Default::default()
        };
    }
    let report = view.selected_report();
    if report.is_some() && report != view.claims.report {
        view.claims.report = report;
        view.claims.selected = 0;
        view.claims.pending = None;
        view.claims.offset = 0;
    }
    if view.reader.is_some()
        && let Some(report) = report
        && view.reader != Some(report)
    {
        view.reader = Some(report);
        view.reader_scroll = 0;
    }
}

/// The selected claim changed: show it in the reader.
pub fn after_claim_moved(app: &mut App) {
    refresh_shown(app);
    show_claim_in_reader(app);
}

/// Show the selected slot's next value: its report selected in the list, its claim selected
/// and highlighted in the reader. Repeated, it walks through the slot's values.
fn show_next_value(app: &mut App) {
    let Some(slot) = app
        .selected_comparison()
        .and_then(|c| c.slots.get(app.view.comparison.selected))
    else {
        return;
    };
    if slot.values.is_empty() {
        return;
    }
    let n = app.view.comparison.next_value % slot.values.len();
    let value = slot.values[n].clone();
    let count = slot.values.len();
    app.view.comparison.next_value = n + 1;
    app.view.reader_beside_comparison = true;
    select_claim(app, &value.report, &value.claim);
    app.view.status = Some(format!(
        "value {} of {count}: {} · {}",
        n + 1,
        value.value,
        value.attribution
    ));
}

/// The group of the article list a report is shown under: `preferred` if it is listed
/// there, else its first incident's.
pub fn row_of_report(app: &App, r: usize, preferred: Option<usize>) -> Option<usize> {
    let first_group = app
        .model
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.reports.contains(&r));
    let list = &app.view.list;
    list.row_of(r, preferred)
        .or_else(|| list.row_of(r, first_group))
}

/// Select report `report`'s claim `claim`: the report's row under the incident shown, the
/// claim in the claims pane, and the claim in the reader.
pub fn select_claim(app: &mut App, report: &str, claim: &str) {
    let Some(r) = app
        .model
        .doc
        .corpus
        .reports
        .iter()
        .position(|x| x.id == report)
    else {
        return;
    };
    if let Some(row) = row_of_report(app, r, app.selected_group()) {
        app.view.list.selected = row;
    }
    app.view.claims.report = Some(r);
    let index = app.model.claims_of(r).iter().position(|c| c.id == claim);
    refresh_shown(app);
    if let Some(i) = index
        && !app.view.claims.shown.contains(&i)
    {
        // The filter hides it: showing it matters more.
        app.view.claims.filter = None;
        app.view.status = Some("filter cleared to show the claim".into());
        refresh_shown(app);
    }
    app.view.claims.selected = index
        .and_then(|i| app.view.claims.shown.iter().position(|&s| s == i))
        .unwrap_or(0);
    app.view.reader = Some(r);
    fit(app);
    show_claim_in_reader(app);
}

/// From the selected claim to its slot in the comparison of its incident.
fn jump_to_slot(app: &mut App) {
    let (Some(claim), Some(r)) = (app.selected_claim().cloned(), app.view.claims.report) else {
        return;
    };
    let Some(all) = app.model.comparisons.clone() else {
        app.view.status = Some("the comparison is still being computed".into());
        return;
    };
    let Some(i) = app
        .model
        .doc
        .corpus
        .incidents
        .iter()
        .position(|x| x.id == claim.incident)
    else {
        app.view.status = Some(format!(
            "this claim is about {}, which has no incident here to compare",
            claim.incident
        ));
        return;
    };
    let Some(slot) = all[i]
        .slots
        .iter()
        .position(|s| s.values.iter().any(|v| v.claim == claim.id))
    else {
        app.view.status = Some("this claim is in no slot (nothing to compare it with)".into());
        return;
    };
    // Show the incident the claim is about, with the claim's report selected under it.
    let group = app
        .model
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.incident == Some(i));
    if let Some(row) = app.view.list.row_of(r, group) {
        app.view.list.selected = row;
    }
    app.view.comparison = crate::tui::app::ComparisonView {
        incident: Some(i),
        selected: slot,
        scroll: usize::MAX,
        next_value: 0,
        free: false,
        pending: None,
        column: 0,
    };
    app.view.focus = Pane::Comparison;
}

/// Go to a search hit: its claim, or its place in the article.
pub fn jump_to_hit(app: &mut App, hit: &SearchHit) {
    let report = app.model.doc.corpus.reports[hit.report].id.clone();
    match &hit.claim {
        Some(claim) => {
            app.view.reader_beside_comparison = false;
            select_claim(app, &report, claim);
            app.view.focus = Pane::Claims;
        }
        None => {
            if let Some(row) = row_of_report(app, hit.report, None) {
                app.view.list.selected = row;
                after_list_moved(app);
            }
            app.view.reader = Some(hit.report);
            app.view.reader_beside_comparison = false;
            app.view.focus = Pane::Reader;
            fit(app);
            show_offset_in_reader(app, hit.report, hit.at);
        }
    }
    app.view.status = Some(format!("{} in {report}", hit.kind.label()));
}
