//! Events become actions, actions change the state. No I/O here: the run loop draws and
//! quits; everything else is a plain state change, which is what the tests drive.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::keys::Key;
use super::layout::{ScreenLayout, layout_zoomed, tab_spans};
use super::state::{App, Overlay, Pane, Row};
use super::text_block::{content_height, inner_height, inner_width};
use super::{comparison_pane, overlays, reader_pane};

/// Lines the mouse wheel scrolls text panes by.
const WHEEL_LINES: usize = 3;

/// Handle one terminal event. Returns true when the screen needs redrawing.
pub fn handle_event(app: &mut App, event: Event) -> bool {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let Some(key) = Key::from_event(key) else {
                return false;
            };
            app.status = None;
            match app.keymap.resolve(app.context(), key) {
                Some(action) => update(app, action),
                None => app.status = Some(format!("{key} is not bound here; ? lists the keys")),
            }
            true
        }
        Event::Mouse(mouse) => handle_mouse(app, mouse),
        Event::Resize(w, h) => {
            app.size = (w, h);
            fit(app);
            true
        }
        _ => false,
    }
}

/// Carry out `action`.
pub fn update(app: &mut App, action: Action) {
    let page = page_height(app);
    // The reports to cycle through, only for the keys that cycle: finding them walks the corpus.
    let sources = if matches!(action, Action::NextSource | Action::PrevSource) {
        super::side_by_side::reports(app)
    } else {
        Vec::new()
    };
    if let Some(top) = app.overlays.last_mut() {
        match action {
            Action::Back | Action::Help => {
                app.overlays.pop();
            }
            Action::Quit => app.quit = true,
            Action::NextSource | Action::PrevSource => {
                if let Overlay::SideBySide {
                    left,
                    right,
                    scroll,
                } = top
                {
                    let others: Vec<usize> =
                        sources.iter().copied().filter(|r| r != left).collect();
                    if !others.is_empty() {
                        let at = others.iter().position(|r| r == right).unwrap_or(0);
                        let n = others.len();
                        *right = others[if action == Action::NextSource {
                            (at + 1) % n
                        } else {
                            (at + n - 1) % n
                        }];
                        *scroll = 0;
                    }
                }
            }
            _ => scroll_by(top.scroll_mut(), action, page),
        }
        fit(app);
        return;
    }
    match action {
        Action::MoveUp
        | Action::MoveDown
        | Action::PageUp
        | Action::PageDown
        | Action::MoveTop
        | Action::MoveBottom => move_in(app, app.focus, action),
        Action::FocusNext | Action::FocusPrev => {
            let cycle = screen(app).cycle;
            if let Some(i) = cycle.iter().position(|p| *p == app.focus) {
                let n = cycle.len();
                let next = if action == Action::FocusNext {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                app.focus = cycle[next];
            } else if let Some(first) = cycle.first() {
                app.focus = *first;
            }
        }
        Action::Open => match app.list.selected_row() {
            Some(Row::Group(g)) if app.focus == Pane::Articles => {
                set_folded(app, g, !app.list.collapsed[g])
            }
            Some(Row::Article { report, .. }) if app.focus == Pane::Articles => {
                app.reader = Some(report);
                app.reader_scroll = 0;
                app.focus = Pane::Reader;
            }
            // On a slot: show its next value in its article.
            _ if app.focus == Pane::Comparison => show_next_value(app),
            // On a claim: show it in the text, keeping the claims in hand to move on.
            _ if app.focus == Pane::Claims && app.claims.selected_claim().is_some() => {
                app.reader = app.claims.report;
                show_claim_in_reader(app);
            }
            _ => {}
        },
        Action::ToggleGroup => {
            if let Some(row) = app.list.selected_row() {
                let g = row.group();
                set_folded(app, g, !app.list.collapsed[g]);
            }
        }
        Action::Collapse => match app.list.selected_row() {
            Some(Row::Article { group, .. }) => {
                app.list.selected = app
                    .list
                    .rows
                    .iter()
                    .position(|r| *r == Row::Group(group))
                    .unwrap_or(0);
                after_selection_moved(app);
            }
            Some(Row::Group(g)) => set_folded(app, g, true),
            None => {}
        },
        Action::Expand => {
            if let Some(Row::Group(g)) = app.list.selected_row() {
                set_folded(app, g, false);
            }
        }
        Action::CollapseAll | Action::ExpandAll => {
            let folded = action == Action::CollapseAll;
            app.list.collapsed.iter_mut().for_each(|c| *c = folded);
            app.list.rebuild(&app.doc.index);
            after_selection_moved(app);
        }
        Action::JumpToSlot => jump_to_slot(app),
        Action::SideBySide => open_side_by_side(app),
        Action::NextSource | Action::PrevSource => {}
        Action::Zoom => app.zoomed = !app.zoomed,
        Action::Help => app.overlays.push(Overlay::Help { scroll: 0 }),
        Action::Back => {
            if app.reader.is_some() {
                app.reader = None;
                app.focus = Pane::Articles;
            } else {
                app.quit = true;
            }
        }
        Action::Quit => app.quit = true,
    }
    fit(app);
}

fn set_folded(app: &mut App, group: usize, folded: bool) {
    app.list.collapsed[group] = folded;
    app.list.rebuild(&app.doc.index);
    after_selection_moved(app);
}

/// Move or scroll within `pane`.
fn move_in(app: &mut App, pane: Pane, action: Action) {
    let page = screen(app).area(pane).map_or(1, inner_height).max(2) - 1;
    match pane {
        Pane::Articles => {
            let before = app.list.selected;
            app.list.selected = moved(before, app.list.rows.len(), action, page);
            if app.list.selected != before {
                after_selection_moved(app);
            }
        }
        Pane::Reader => scroll_by(&mut app.reader_scroll, action, page),
        Pane::Claims => {
            let before = app.claims.selected;
            app.claims.selected = moved(before, app.claims.claims().len(), action, page);
            if app.claims.selected != before {
                show_claim_in_reader(app);
            }
        }
        Pane::Comparison => match app.selected_comparison().map(|c| c.slots.len()) {
            Some(n) if n > 0 => {
                let before = app.comparison.selected;
                app.comparison.selected = moved(before, n, action, page);
                if app.comparison.selected != before {
                    app.comparison.next_value = 0;
                    app.comparison.scroll = usize::MAX; // fit brings the selected slot into view
                }
            }
            _ => scroll_by(&mut app.comparison.scroll, action, page),
        },
    }
}

/// A list selection after a movement, within `0..len`.
fn moved(selected: usize, len: usize, action: Action, page: usize) -> usize {
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
fn scroll_by(offset: &mut usize, action: Action, page: usize) {
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

/// The panes that follow the list's selection start again from the top, and the reader,
/// when open, shows the newly selected article.
fn after_selection_moved(app: &mut App) {
    let incident = app
        .selected_group()
        .and_then(|g| app.doc.index.groups[g].incident);
    if incident != app.comparison_incident {
        app.comparison_incident = incident;
        app.comparison.selected = 0;
        app.comparison.scroll = 0;
        app.comparison.next_value = 0;
    }
    let report = app.selected_report();
    if report.is_some() && report != app.claims.report {
        app.claims.report = report;
        app.claims.selected = 0;
        app.claims.offset = 0;
    }
    if app.reader.is_some()
        && let Some(report) = app.selected_report()
        && app.reader != Some(report)
    {
        app.reader = Some(report);
        app.reader_scroll = 0;
    }
}

fn screen(app: &App) -> ScreenLayout {
    layout_zoomed(
        Rect::new(0, 0, app.size.0, app.size.1),
        app.focus,
        app.reader.is_some(),
        app.zoomed,
    )
}

fn page_height(app: &App) -> usize {
    let area = overlays::centered(Rect::new(0, 0, app.size.0, app.size.1));
    inner_height(area).max(2) - 1
}

/// Clamp selection and scroll offsets to what the current layout shows, keeping the
/// selected row on screen. Runs after every change, so drawing never has to.
pub fn fit(app: &mut App) {
    let screen = screen(app);
    if !screen.cycle.contains(&app.focus) {
        app.focus = Pane::Articles;
    }
    let list = &mut app.list;
    list.selected = list.selected.min(list.rows.len().saturating_sub(1));
    if let Some(area) = screen.area(Pane::Articles) {
        let h = inner_height(area).max(1);
        if list.selected < list.offset {
            list.offset = list.selected;
        } else if list.selected >= list.offset + h {
            list.offset = list.selected + 1 - h;
        }
        list.offset = list.offset.min(list.rows.len().saturating_sub(h));
    }
    let clamp = |scroll: usize, total: usize, area: Rect| {
        scroll.min(total.saturating_sub(inner_height(area)))
    };
    if let Some(area) = screen.area(Pane::Claims) {
        let claims = &mut app.claims;
        let n = claims.claims().len();
        claims.selected = claims.selected.min(n.saturating_sub(1));
        let h = inner_height(area).max(1);
        if claims.selected < claims.offset {
            claims.offset = claims.selected;
        } else if claims.selected >= claims.offset + h {
            claims.offset = claims.selected + 1 - h;
        }
        claims.offset = claims.offset.min(n.saturating_sub(h));
    }
    if let Some(area) = screen.area(Pane::Comparison) {
        let slots = app.selected_comparison().map_or(0, |c| c.slots.len());
        app.comparison.selected = app.comparison.selected.min(slots.saturating_sub(1));
        let width = inner_width(area);
        let (lines, rows) = comparison_pane::content(app, width);
        let h = inner_height(area);
        // Wrapped line where each logical line starts, to keep the selected slot on screen.
        let mut starts = Vec::with_capacity(lines.len());
        let mut total = 0;
        for line in &lines {
            starts.push(total);
            total += super::text_block::wrap_lines(std::slice::from_ref(line), width).len();
        }
        if let Some(&row) = rows.get(app.comparison.selected) {
            let top = starts[row];
            let bottom = starts
                .get(
                    rows.get(app.comparison.selected + 1)
                        .copied()
                        .unwrap_or(lines.len()),
                )
                .copied()
                .unwrap_or(total);
            if app.comparison.scroll > top {
                app.comparison.scroll = top.saturating_sub(1);
            }
            // The selected slot's row must be on screen, with as much of its values as fits;
            // from the top of the pane the incident's header stays in view when it can.
            if top + 1 >= app.comparison.scroll + h {
                app.comparison.scroll = bottom.saturating_sub(h).min(top.saturating_sub(1));
            }
        }
        app.comparison.scroll = app.comparison.scroll.min(total.saturating_sub(h));
    }
    if let (Some(area), Some(r)) = (screen.area(Pane::Reader), app.reader) {
        app.reader_scroll = clamp(
            app.reader_scroll,
            content_height(&reader_pane::content(app, r), area),
            area,
        );
    }
    let full = Rect::new(0, 0, app.size.0, app.size.1);
    if let Some(top) = app.overlays.last() {
        let total = overlays::content_len(app, top, full);
        let area = match top {
            Overlay::SideBySide { .. } => super::side_by_side::area(full),
            _ => overlays::centered(full),
        };
        let h = inner_height(area);
        let scroll = app.overlays.last_mut().expect("checked").scroll_mut();
        *scroll = (*scroll).min(total.saturating_sub(h));
    }
}

fn handle_mouse(app: &mut App, mouse: MouseEvent) -> bool {
    if !app.overlays.is_empty() {
        let action = match mouse.kind {
            MouseEventKind::ScrollDown => Action::MoveDown,
            MouseEventKind::ScrollUp => Action::MoveUp,
            _ => return false,
        };
        update(app, action);
        return true;
    }
    let screen = screen(app);
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some(tabs) = screen.tabs
                && y == tabs.y
            {
                if let Some((pane, ..)) = tab_spans(&screen.cycle, tabs)
                    .into_iter()
                    .find(|t| x >= t.2 && x < t.3)
                {
                    app.focus = pane;
                    fit(app);
                    return true;
                }
                return false;
            }
            let Some(pane) = screen.pane_at(x, y) else {
                return false;
            };
            app.focus = pane;
            if pane == Pane::Articles {
                let area = screen.area(pane).expect("pane is on screen");
                if y > area.y && y < area.bottom().saturating_sub(1) {
                    let row = app.list.offset + (y - area.y - 1) as usize;
                    if row < app.list.rows.len() && row != app.list.selected {
                        app.list.selected = row;
                        after_selection_moved(app);
                    }
                }
            }
            fit(app);
            true
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let Some(pane) = screen.pane_at(x, y) else {
                return false;
            };
            let action = if mouse.kind == MouseEventKind::ScrollDown {
                Action::MoveDown
            } else {
                Action::MoveUp
            };
            let times = if pane == Pane::Articles {
                1
            } else {
                WHEEL_LINES
            };
            for _ in 0..times {
                move_in(app, pane, action);
            }
            fit(app);
            true
        }
        _ => false,
    }
}

/// Scroll the reader, when it shows the selected claim's report, so the claim is in view with
/// a little context above it.
fn show_claim_in_reader(app: &mut App) {
    let (Some(r), Some(claim)) = (app.reader, app.claims.selected_claim()) else {
        return;
    };
    if app.doc.corpus.reports[r].id != claim.report {
        return;
    }
    let offset = claim.span[0];
    if let Some(area) = screen(app).area(Pane::Reader) {
        let line = reader_pane::line_of(app, r, inner_width(area), offset);
        app.reader_scroll = line.saturating_sub(2);
    }
}

/// The claims of every report are ready.
pub fn claims_ready(app: &mut App, claims: Vec<Vec<crate::model::Claim>>) {
    app.claims.by_report = Some(std::sync::Arc::new(claims));
    app.claims.report = app.selected_report().or(app.claims.report);
    fit(app);
}

/// Show the selected slot's next value: its report selected in the list, its claim selected
/// and highlighted in the reader. Repeated, it walks through the slot's values.
fn show_next_value(app: &mut App) {
    let Some(comparison) = app.selected_comparison() else {
        return;
    };
    let Some(slot) = comparison.slots.get(app.comparison.selected) else {
        return;
    };
    if slot.values.is_empty() {
        return;
    }
    let n = app.comparison.next_value % slot.values.len();
    let value = slot.values[n].clone();
    let count = slot.values.len();
    app.comparison.next_value = n + 1;
    select_claim(app, &value.report, &value.claim);
    app.status = Some(format!(
        "value {} of {count}: {} · {}",
        n + 1,
        value.value,
        value.attribution
    ));
}

/// Select report `report`'s claim `claim`: the report's row under the incident shown, the
/// claim in the claims pane, and the claim in the reader.
fn select_claim(app: &mut App, report: &str, claim: &str) {
    let Some(r) = app.doc.corpus.reports.iter().position(|x| x.id == report) else {
        return;
    };
    let group = app.selected_group();
    // Under the incident shown if it is listed there, else under its first incident.
    let first_group = app
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.reports.contains(&r));
    let row = app
        .list
        .row_of(r, group)
        .or_else(|| app.list.row_of(r, first_group));
    if let Some(row) = row {
        app.list.selected = row;
    }
    app.claims.report = Some(r);
    app.claims.selected = app
        .claims
        .claims()
        .iter()
        .position(|c| c.id == claim)
        .unwrap_or(0);
    app.reader = Some(r);
    fit(app);
    show_claim_in_reader(app);
}

/// From the selected claim to its slot in the comparison of its incident.
fn jump_to_slot(app: &mut App) {
    let Some(claim) = app.claims.selected_claim().cloned() else {
        return;
    };
    let Some(r) = app.claims.report else { return };
    let Some(all) = app.comparison.by_incident.clone() else {
        app.status = Some("the comparison is still being computed".into());
        return;
    };
    let Some(i) = app
        .doc
        .corpus
        .incidents
        .iter()
        .position(|x| x.id == claim.incident)
    else {
        app.status = Some(format!(
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
        app.status = Some("this claim is in no slot (nothing to compare it with)".into());
        return;
    };
    // Show the incident the claim is about, with the claim's report selected under it.
    let group = app
        .doc
        .index
        .groups
        .iter()
        .position(|g| g.incident == Some(i));
    if let Some(row) = app.list.row_of(r, group) {
        app.list.selected = row;
    }
    app.comparison_incident = Some(i);
    app.comparison.selected = slot;
    app.comparison.next_value = 0;
    app.comparison.scroll = usize::MAX;
    app.focus = Pane::Comparison;
}

/// The comparisons of every incident are ready.
pub fn comparisons_ready(app: &mut App, comparisons: Vec<crate::compare::Comparison>) {
    app.comparison.by_incident = Some(std::sync::Arc::new(comparisons));
    fit(app);
}

/// Open two reports of the incident side by side: the selected report (or the first) on the
/// left, the next report on the right.
fn open_side_by_side(app: &mut App) {
    let sources = super::side_by_side::reports(app);
    if sources.len() < 2 {
        app.status = Some("side by side needs two reports of the incident".into());
        return;
    }
    let left = app
        .selected_report()
        .filter(|r| sources.contains(r))
        .unwrap_or(sources[0]);
    let right = sources
        .iter()
        .copied()
        .find(|&r| r != left)
        .expect("two reports at least");
    app.overlays.push(Overlay::SideBySide {
        left,
        right,
        scroll: 0,
    });
}
