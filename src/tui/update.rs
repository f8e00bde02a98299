//! Events become actions, actions change the state. No I/O here: the run loop draws and
//! quits; everything else is a plain state change, which is what the tests drive.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::input::{Input, Outcome, Palette, SearchBox, edit};
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
        Event::Key(key) if key.kind != KeyEventKind::Release && app.input.is_some() => {
            app.status = None;
            handle_input(app, key);
            fit(app);
            true
        }
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
    if app.overlays.is_empty() {
        let handled = match action {
            Action::Search => {
                app.input = Some(Input::Search(SearchBox::new()));
                true
            }
            Action::Palette => {
                app.input = Some(Input::Palette(Palette::new()));
                true
            }
            Action::MoveReport => {
                super::incidents::open_move(app, false);
                true
            }
            Action::AddToIncident => {
                super::incidents::open_move(app, true);
                true
            }
            Action::SplitReport => {
                super::incidents::open_split(app);
                true
            }
            Action::MergeIncident => {
                super::incidents::open_merge(app);
                true
            }
            Action::EditIncident => {
                super::incidents::open_edit(app);
                true
            }
            _ if app.visual.is_some() => super::visual::update(app, action),
            _ => false,
        } || super::annotation::update(app, action);
        if handled {
            fit(app);
            return;
        }
    }
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
        // Annotation, visual mode, search and palette actions are handled above.
        _ => {}
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
            app.claims.selected = moved(before, app.claims.shown.len(), action, page);
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
pub fn after_list_moved(app: &mut App) {
    after_selection_moved(app);
}

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

/// Where the reader is drawn in the current layout, if it is on screen.
pub fn reader_area(app: &App) -> Option<Rect> {
    screen(app).area(Pane::Reader)
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
    refresh_shown(app);
    if let Some(area) = screen.area(Pane::Claims) {
        let claims = &mut app.claims;
        let n = claims.shown.len();
        claims.selected = claims.selected.min(n.saturating_sub(1));
        // The pane's last line shows the selected claim's annotation when there is room.
        let full = inner_height(area);
        let h = (full - usize::from(full >= 6 && app.journal.is_some())).max(1);
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

/// The claims the filter lets through, for the report listed.
fn refresh_shown(app: &mut App) {
    let shown: Vec<usize> = match &app.claims.filter {
        None => (0..app.claims.claims().len()).collect(),
        Some(f) => app
            .claims
            .claims()
            .iter()
            .enumerate()
            .filter(|(_, c)| f.matches(c, app.note_of(c)))
            .map(|(i, _)| i)
            .collect(),
    };
    app.claims.shown = shown;
    app.claims.tally = app.claims.report.and_then(|r| {
        crate::extract::tally::of_report(&app.doc.corpus.reports[r], app.claims.claims())
    });
}

/// The selected claim changed: show it in the reader.
pub fn after_claim_moved(app: &mut App) {
    refresh_shown(app);
    show_claim_in_reader(app);
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
pub fn claims_ready(app: &mut App, claims: std::sync::Arc<Vec<Vec<crate::model::Claim>>>) {
    app.notes.extracted = Some(std::sync::Arc::clone(&claims));
    app.claims.by_report = Some(claims);
    super::annotation::recompute(app, false);
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
    let index = app.claims.claims().iter().position(|c| c.id == claim);
    refresh_shown(app);
    if let Some(i) = index
        && !app.claims.shown.contains(&i)
    {
        // The filter hides it: showing it matters more.
        app.claims.filter = None;
        app.status = Some("filter cleared to show the claim".into());
        refresh_shown(app);
    }
    app.claims.selected = index
        .and_then(|i| app.claims.shown.iter().position(|&s| s == i))
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
    // The worker compared the claims as extracted; manual claims and extraction errors change
    // what enters the comparison.
    let changes_comparison = app.journal.as_ref().is_some_and(|j| {
        let a = j.annotations();
        !a.manual.is_empty()
            || a.claims
                .values()
                .any(|n| n.verdict == crate::annotate::Verdict::ExtractionError)
    });
    if changes_comparison {
        super::annotation::recompute(app, true);
    }
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

/// A key for the open input window.
fn handle_input(app: &mut App, key: ratatui::crossterm::event::KeyEvent) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let Some(input) = app.input.take() else {
        return;
    };
    match input {
        Input::Editor(mut ed) => {
            let n = ed.fields.len();
            if n > 1 && matches!(key.code, KeyCode::Tab | KeyCode::BackTab) {
                ed.focus = if key.code == KeyCode::Tab {
                    (ed.focus + 1) % n
                } else {
                    (ed.focus + n - 1) % n
                };
                app.input = Some(Input::Editor(ed));
                return;
            }
            let ctrl_s =
                key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
            match edit(&mut ed.fields[ed.focus], key) {
                Outcome::Submit if !ctrl_s && ed.focus + 1 < n => {
                    ed.focus += 1;
                    app.input = Some(Input::Editor(ed));
                }
                Outcome::Submit => super::annotation::save_editor(app, ed),
                // Text written at length is never thrown away by Esc: it is saved.
                Outcome::Cancel if ed.fields.iter().any(|f| f.multiline) => {
                    super::annotation::save_editor(app, ed)
                }
                Outcome::Cancel => {
                    if let super::input::Purpose::SaidBy(c) = ed.purpose {
                        app.input = Some(Input::Candidates(*c));
                    } else {
                        app.status = Some("cancelled".into());
                    }
                }
                _ => app.input = Some(Input::Editor(ed)),
            }
        }
        Input::Search(mut sb) => match edit(&mut sb.query, key) {
            Outcome::Changed => {
                let q = sb.query.text();
                if q.trim().is_empty() {
                    sb.hits.clear();
                    sb.total = 0;
                    sb.answered.clear();
                } else if let Some(tx) = &app.search {
                    sb.busy = tx.send(super::search_worker::Request::Query(q)).is_ok();
                } else {
                    app.status = Some("search is not ready yet".into());
                }
                app.input = Some(Input::Search(sb));
            }
            Outcome::Select(d) => {
                sb.selected = step(sb.selected, d, sb.hits.len());
                app.input = Some(Input::Search(sb));
            }
            Outcome::Submit => match sb.hits.get(sb.selected).cloned() {
                Some(hit) => jump_to_hit(app, &hit),
                None => app.input = Some(Input::Search(sb)),
            },
            Outcome::Cancel => {}
            Outcome::Stay => app.input = Some(Input::Search(sb)),
        },
        Input::Palette(mut p) => match edit(&mut p.query, key) {
            Outcome::Changed => {
                p.refilter();
                app.input = Some(Input::Palette(p));
            }
            Outcome::Select(d) => {
                p.selected = step(p.selected, d, p.matches.len());
                app.input = Some(Input::Palette(p));
            }
            Outcome::Submit => {
                if let Some(&action) = p.matches.get(p.selected) {
                    update(app, action);
                }
            }
            Outcome::Cancel => {}
            Outcome::Stay => app.input = Some(Input::Palette(p)),
        },
        Input::Incidents(p) => super::incidents::key(app, p, key),
        Input::Candidates(mut c) => match key.code {
            KeyCode::Char('j') | KeyCode::Down => {
                c.selected = step(c.selected, 1, c.claims.len());
                app.input = Some(Input::Candidates(c));
            }
            KeyCode::Char('k') | KeyCode::Up => {
                c.selected = step(c.selected, -1, c.claims.len());
                app.input = Some(Input::Candidates(c));
            }
            KeyCode::Char('s') => super::visual::ask_said_by(app, c),
            KeyCode::Enter => super::visual::accept(app, c),
            KeyCode::Esc | KeyCode::Char('q') => app.status = Some("no claim made".into()),
            _ => app.input = Some(Input::Candidates(c)),
        },
    }
}

fn step(at: usize, by: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(by).min(len - 1)
}

/// Go to a search hit: its claim, or its place in the article.
fn jump_to_hit(app: &mut App, hit: &super::input::SearchHit) {
    let report = app.doc.corpus.reports[hit.report].id.clone();
    match &hit.claim {
        Some(claim) => {
            select_claim(app, &report, claim);
            app.focus = Pane::Claims;
        }
        None => {
            let group = app
                .doc
                .index
                .groups
                .iter()
                .position(|g| g.reports.contains(&hit.report));
            if let Some(row) = app.list.row_of(hit.report, group) {
                app.list.selected = row;
                after_selection_moved(app);
            }
            app.reader = Some(hit.report);
            app.focus = Pane::Reader;
            fit(app);
            if let Some(area) = screen(app).area(Pane::Reader) {
                let line = reader_pane::line_of(app, hit.report, inner_width(area), hit.at);
                app.reader_scroll = line.saturating_sub(2);
            }
        }
    }
    app.status = Some(format!("{} in {report}", hit.kind.label()));
}

/// The search worker answered.
pub fn search_reply(app: &mut App, reply: super::search_worker::Reply) {
    if let Some(Input::Search(sb)) = app.input.as_mut() {
        sb.answer(reply);
    }
}
