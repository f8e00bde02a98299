//! Keeping the view consistent after every change: selections and scroll offsets clamped to
//! what the layout shows, the selected row on screen, the claims the filter lets through
//! worked out. Runs after every update, so drawing never has to.

use ratatui::layout::Rect;

use crate::tui::app::{App, Layer, Pane};
use crate::tui::layers::{self, side_by_side, window};
use crate::tui::panes::layout::{ScreenLayout, layout_zoomed};
use crate::tui::panes::text_block::{content_height, inner_height, inner_width, wrap_lines};
use crate::tui::panes::{comparison, reader};

/// The layout of the panes at the current size, focus and zoom.
pub fn screen(app: &App) -> ScreenLayout {
    let v = &app.view;
    layout_zoomed(
        Rect::new(0, 0, v.size.0, v.size.1),
        v.focus,
        v.reader_shown(),
        v.zoomed,
    )
}

/// Where the reader is drawn in the current layout, if it is on screen.
pub fn reader_area(app: &App) -> Option<Rect> {
    screen(app).area(Pane::Reader)
}

/// Lines a page of a window over the screen holds.
pub fn page_height(app: &App) -> usize {
    let area = window::centered(Rect::new(0, 0, app.view.size.0, app.view.size.1));
    inner_height(area).max(2) - 1
}

/// Keep `selected` on screen in a list of `len` rows `h` high starting at `offset`.
pub fn keep_in_view(selected: usize, offset: &mut usize, len: usize, h: usize) {
    if selected < *offset {
        *offset = selected;
    } else if selected >= *offset + h {
        *offset = selected + 1 - h;
    }
    *offset = (*offset).min(len.saturating_sub(h));
}

/// Clamp selection and scroll offsets to what the current layout shows, keeping the
/// selected row on screen.
pub fn fit(app: &mut App) {
    let screen = screen(app);
    if !screen.cycle.contains(&app.view.focus) {
        app.view.focus = Pane::Articles;
    }
    // Visual mode is the reader's: it ends when the reader loses the focus or closes.
    if matches!(app.view.top(), Some(Layer::Visual { .. }))
        && (app.view.focus != Pane::Reader || app.view.reader.is_none())
    {
        app.view.layers.pop();
    }
    let list = &mut app.view.list;
    list.selected = list.selected.min(list.rows.len().saturating_sub(1));
    if let Some(area) = screen.area(Pane::Articles) {
        keep_in_view(
            list.selected,
            &mut list.offset,
            list.rows.len(),
            inner_height(area).max(1),
        );
    }
    refresh_shown(app);
    if let Some(area) = screen.area(Pane::Claims) {
        let annotating = app.annotating();
        let claims = &mut app.view.claims;
        let n = claims.shown.len();
        claims.selected = claims.selected.min(n.saturating_sub(1));
        // The pane's last line shows the selected claim's annotation when there is room.
        let full = inner_height(area);
        let h = (full - usize::from(full >= 6 && annotating)).max(1);
        keep_in_view(claims.selected, &mut claims.offset, n, h);
    }
    if let Some(area) = screen.area(Pane::Comparison) {
        fit_comparison(app, area);
    }
    if let (Some(area), Some(r)) = (screen.area(Pane::Reader), app.view.reader) {
        let total = content_height(&reader::content(app, r), area);
        app.view.reader_scroll = app
            .view
            .reader_scroll
            .min(total.saturating_sub(inner_height(area)));
    }
    fit_layer(app);
}

/// The comparison as drawn in `area`: the wrapped line where each logical line starts, the
/// logical line of each slot's row, and the number of wrapped lines.
pub fn comparison_lines(app: &App, area: Rect) -> (Vec<usize>, Vec<usize>, usize) {
    let width = inner_width(area);
    let (lines, rows) = comparison::content(app, width);
    let mut starts = Vec::with_capacity(lines.len());
    let mut total = 0;
    for line in &lines {
        starts.push(total);
        total += wrap_lines(std::slice::from_ref(line), width).len();
    }
    (starts, rows, total)
}

/// Keep the comparison's selected slot on screen, with as much of its values as fits.
fn fit_comparison(app: &mut App, area: Rect) {
    let slots = app.selected_comparison().map_or(0, |c| c.slots.len());
    let view = &mut app.view.comparison;
    view.selected = view.selected.min(slots.saturating_sub(1));
    let (starts, rows, total) = comparison_lines(app, area);
    let lines_len = starts.len();
    let h = inner_height(area);
    let view = &mut app.view.comparison;
    if let Some(&row) = rows.get(view.selected).filter(|_| !view.free) {
        let top = starts[row];
        let bottom = starts
            .get(rows.get(view.selected + 1).copied().unwrap_or(lines_len))
            .copied()
            .unwrap_or(total);
        if view.scroll > top {
            view.scroll = top.saturating_sub(1);
        }
        // From the top of the pane the incident's header stays in view when it can.
        if top + 1 >= view.scroll + h {
            view.scroll = bottom.saturating_sub(h).min(top.saturating_sub(1));
        }
    }
    view.scroll = view.scroll.min(total.saturating_sub(h));
    let width = inner_width(area);
    if width >= crate::tui::panes::matrix::MATRIX_FROM
        && let Some(c) = app.selected_comparison()
    {
        let first =
            crate::tui::panes::matrix::columns(c, width.into(), app.view.comparison.column).first;
        app.view.comparison.column = first;
    }
}

/// Make the help's lines for its filter when they are not made yet, so frames only draw them.
fn make_help_lines(app: &mut App) {
    let Some(top @ Layer::Help { shown, .. }) = app.view.layers.last() else {
        return;
    };
    let filter = top.help_filter();
    if shown
        .as_ref()
        .is_some_and(|(made_for, _)| *made_for == filter)
    {
        return;
    }
    let lines = crate::tui::layers::overlays::help_lines(app, top, None);
    if let Some(Layer::Help { shown, .. }) = app.view.layers.last_mut() {
        *shown = Some((filter, lines));
    }
}

/// Clamp the scroll of the window of text on top.
fn fit_layer(app: &mut App) {
    make_help_lines(app);
    let full = Rect::new(0, 0, app.view.size.0, app.view.size.1);
    let Some(top) = app.view.layers.last() else {
        return;
    };
    let area = match top {
        Layer::SideBySide { .. } => side_by_side::area(full),
        Layer::Help { .. } | Layer::Notice { .. } => window::centered(full),
        Layer::Timeline { .. } => crate::tui::layers::timeline::areas(app, full).1,
        _ => return,
    };
    let total = layers::content_len(app, top, full);
    let h = inner_height(area);
    if let Some(scroll) = app.view.layers.last_mut().and_then(Layer::scroll_mut) {
        *scroll = (*scroll).min(total.saturating_sub(h));
    }
}

/// Work out the claims the filter lets through, for the report listed, and its tally.
pub fn refresh_shown(app: &mut App) {
    let claims = app.listed_claims();
    let shown: Vec<usize> = match &app.view.claims.filter {
        None => (0..claims.len()).collect(),
        Some(f) => claims
            .iter()
            .enumerate()
            .filter(|(_, c)| f.matches(c, app.note_of(c)))
            .map(|(i, _)| i)
            .collect(),
    };
    let tally =
        app.view.claims.report.and_then(|r| {
            crate::extract::tally::of_report(&app.model.doc.corpus.reports[r], claims)
        });
    app.view.claims.shown = shown;
    app.view.claims.tally = tally;
}

/// Scroll the reader, when it shows the selected claim's report, so the claim is in view with
/// a little context above it.
pub fn show_claim_in_reader(app: &mut App) {
    let (Some(r), Some(claim)) = (app.view.reader, app.selected_claim()) else {
        return;
    };
    if app.model.doc.corpus.reports[r].id != claim.report {
        return;
    }
    let offset = claim.span[0];
    show_offset_in_reader(app, r, offset);
}

/// Scroll the reader so byte `offset` of report `r` is in view, two lines down.
pub fn show_offset_in_reader(app: &mut App, r: usize, offset: usize) {
    if let Some(area) = reader_area(app) {
        let line = reader::line_of(app, r, inner_width(area), offset);
        app.view.reader_scroll = line.saturating_sub(2);
    }
}
