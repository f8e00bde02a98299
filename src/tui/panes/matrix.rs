//! The comparison as a matrix, when the pane is wide (zoomed, or a wide terminal): a row a
//! slot, a column a source, each cell the source's figures (revised ones marked ~). From 76
//! cells — a zoomed pane at 80 columns — in a compact form; sources that do not fit are
//! scrolled sideways, and the header says how many lie either side and the keys that show them.

use ratatui::text::{Line, Span};

use super::describe::{INFERRED_MARK, figure, source_label, status_mark, status_style};
use crate::compare::Comparison;
use crate::text::{fit, sanitize};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;

/// From this inner width the slots are drawn as a matrix, sources as columns.
pub const MATRIX_FROM: u16 = 76;
/// From this inner width the slot's name and status get their full room.
const ROOMY: usize = 120;

/// Which source columns are drawn, and how wide the matrix's parts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// The first source column drawn.
    pub first: usize,
    /// How many are drawn.
    pub shown: usize,
    /// How many there are.
    pub total: usize,
    label_w: usize,
    status_w: usize,
    col_w: usize,
}

/// The reports with values in `c`, in column order (first value first).
fn reports(c: &Comparison) -> Vec<&str> {
    let mut reports: Vec<&str> = Vec::new();
    for v in c.slots.iter().flat_map(|s| &s.values) {
        if !reports.contains(&v.report.as_str()) {
            reports.push(&v.report);
        }
    }
    reports
}

/// The columns of `c` drawn at `width`, starting as near `wanted` as the width allows.
pub fn columns(c: &Comparison, width: usize, wanted: usize) -> Columns {
    layout(reports(c).len(), width, wanted)
}

/// The columns of `total` sources drawn at `width`, from `wanted` or as near as fits.
fn layout(total: usize, width: usize, wanted: usize) -> Columns {
    let (label_w, status_w) = if width >= ROOMY { (30, 28) } else { (20, 15) };
    let room = width.saturating_sub(label_w + status_w + 2);
    let col_w = (room / total.max(1)).clamp(13, 40);
    let shown = (room / col_w).clamp(1, total.max(1)).min(total);
    Columns {
        first: wanted.min(total - shown),
        shown,
        total,
        label_w,
        status_w,
        col_w,
    }
}

fn pad(s: String, w: usize) -> String {
    let used = crate::text::width(&s);
    format!("{s}{}", " ".repeat(w.saturating_sub(used)))
}

/// Append the matrix of `c` to `lines`, `open` adding the selected slot's details under its
/// row; returns the line of each slot's row.
pub fn draw(
    app: &App,
    c: &Comparison,
    width: usize,
    lines: &mut Vec<Line<'static>>,
    open: impl Fn(&crate::compare::Slot, &mut Vec<Line<'static>>),
) -> Vec<usize> {
    let theme = &app.config.theme;
    let cols = columns(c, width, app.view.comparison.column);
    let reports = reports(c);
    let shown = &reports[cols.first..cols.first + cols.shown];
    lines.push(header(app, shown, cols));
    let mut rows = Vec::with_capacity(c.slots.len());
    for (n, slot) in c.slots.iter().enumerate() {
        rows.push(lines.len());
        let selected = n == app.view.comparison.selected;
        let (mark, word) = status_mark(slot.status);
        let status_style = status_style(theme, slot.status);
        let label = format!(
            "{}{mark} {}",
            if selected { "▶ " } else { "  " },
            sanitize(&slot.slot)
        );
        let range = slot.range.as_deref().map(sanitize).unwrap_or_default();
        // Compact, the row's mark and colour carry the status; the range needs the room.
        let status = if cols.status_w >= 28 || range.is_empty() {
            format!("{word} {range}")
        } else {
            range.into_owned()
        };
        let mut spans = vec![
            Span::styled(pad(fit(&label, cols.label_w - 1), cols.label_w), theme.text),
            Span::styled(
                pad(fit(&status, cols.status_w - 6), cols.status_w - 5),
                status_style,
            ),
            Span::styled(
                pad(format!("{}×", slot.independent_origins), 5),
                theme.muted,
            ),
        ];
        for id in shown {
            let cell: Vec<String> = slot
                .values
                .iter()
                .filter(|v| v.report == *id)
                .map(|v| format!("{}{}", if v.superseded { "~" } else { "" }, figure(v)))
                .collect();
            spans.push(Span::styled(
                pad(fit(&sanitize(&cell.join(", ")), cols.col_w - 1), cols.col_w),
                theme.text,
            ));
        }
        let row = Line::from(spans);
        if selected {
            lines.push(row.style(theme.selection));
            open(slot, lines);
        } else {
            lines.push(row);
        }
    }
    rows
}

/// The header row: the sources drawn, each by outlet (or wire) with "?" when that is
/// inferred, and above the status column how many more lie to the left and right, with the
/// keys that show them ("◀h 1 · 2 l▶").
fn header(app: &App, shown: &[&str], cols: Columns) -> Line<'static> {
    let theme = &app.config.theme;
    let key = |action: Action| {
        app.config
            .keymap
            .key_for(Context::Comparison, action)
            .unwrap_or_default()
    };
    let right_n = cols.total - cols.first - cols.shown;
    let sides: Vec<String> = [
        (cols.first > 0).then(|| format!("◀{} {}", key(Action::ColumnsLeft), cols.first)),
        (right_n > 0).then(|| format!("{right_n} {}▶", key(Action::ColumnsRight))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let sides = fit(&sides.join(" · "), cols.status_w - 1);
    let mut head = vec![
        Span::styled(pad("  slot".into(), cols.label_w), theme.label),
        Span::styled(pad(sides, cols.status_w), theme.muted),
    ];
    for id in shown {
        let (name, inferred) = app
            .model
            .doc
            .corpus
            .report(id)
            .map_or_else(|| (sanitize(id).into_owned(), false), source_label);
        let cell = if inferred {
            format!("{}{INFERRED_MARK}", fit(&name, cols.col_w - 2))
        } else {
            fit(&name, cols.col_w - 1)
        };
        let style = if inferred {
            theme.inferred
        } else {
            theme.label
        };
        head.push(Span::styled(pad(cell, cols.col_w), style));
    }
    Line::from(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width_and_stop_at_the_last_source() {
        // 80 columns zoomed: 76 cells, three sources at a time out of seven.
        let c = layout(7, 76, 0);
        assert_eq!((c.first, c.shown, c.total), (0, 3, 7));
        assert!(c.label_w + c.status_w + c.shown * c.col_w <= 76);
        // Scrolled right past the end, the last three stay in view.
        assert_eq!(layout(7, 76, 99).first, 4);
        // Wide: everything fits, nothing to scroll.
        let wide = layout(4, 200, 3);
        assert_eq!((wide.first, wide.shown), (0, 4));
        // No sources at all.
        assert_eq!(layout(0, 78, 2).shown, 0);
    }
}
