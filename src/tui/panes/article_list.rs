//! The article list: incidents as foldable headings, the reports covering each beneath.
//! Only the rows on screen are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::describe::{date_label, source_label, value_span};
use super::text_block::{inner_height, pane_block};
use crate::text::{fit, width};
use crate::tui::app::{App, Row};

/// Marker in front of the selected row, so selection never depends on colour.
pub const SELECTED_MARK: &str = "▶ ";

/// Draw the list into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool) {
    let theme = &app.config.theme;
    let total = app.model.doc.corpus.reports.len();
    let list = &app.view.list;
    let mut title = format!(" Articles ({total})");
    if list.order != crate::tui::app::arrange::ListOrder::Date {
        title.push_str(&format!(" · by {}", list.order.name()));
    }
    if let Some(f) = &list.filter {
        title.push_str(&format!(" · filter \"{}\"", crate::text::sanitize(&f.text)));
    }
    title.push(' ');
    let block = pane_block(Line::from(title), focused, theme);
    let inner_width = area.width.saturating_sub(2) as usize;
    let height = inner_height(area);
    let list = &app.view.list;
    let lines: Vec<Line> = list
        .rows
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(height)
        .map(|(i, row)| {
            let selected = i == list.selected;
            let mut line = row_line(app, *row, selected, inner_width);
            if selected {
                line = line.style(if focused {
                    theme.selection
                } else {
                    theme.selection_unfocused
                });
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.text).block(block), area);
}

fn row_line(app: &App, row: Row, selected: bool, max: usize) -> Line<'static> {
    let theme = &app.config.theme;
    let doc = &app.model.doc;
    let gutter = if selected { SELECTED_MARK } else { "  " };
    let mut spans = vec![Span::raw(gutter)];
    match row {
        Row::Group(g) => {
            let group = &doc.index.groups[g];
            let fold = if app.view.list.collapsed[g] {
                "▸ "
            } else {
                "▾ "
            };
            let (title, date) = match group.incident {
                Some(i) => {
                    let incident = &doc.corpus.incidents[i];
                    (incident.title.as_str(), incident.date_text())
                }
                None => ("Not assigned to an incident", String::new()),
            };
            // Under a filter, how many of the incident's reports are listed.
            let listed = app
                .view
                .list
                .listed
                .get(g)
                .copied()
                .filter(|&n| n < group.reports.len());
            let n = match listed {
                Some(n) => format!("{n} of {}", group.reports.len()),
                None => group.reports.len().to_string(),
            };
            let count = match app.model.notes.group_reviewed.get(g) {
                // Only where the title keeps room to be read.
                Some((done, all)) if *all > 0 && app.annotating() && max >= 50 => {
                    format!(" ({n}) {done}/{all}")
                }
                _ => format!(" ({n})"),
            };
            let date = if date.is_empty() {
                date
            } else {
                format!(" {date}")
            };
            let room =
                max.saturating_sub(width(gutter) + width(fold) + width(&date) + width(&count));
            spans.push(Span::styled(fold, theme.group_header));
            spans.push(Span::styled(fit(title, room.max(1)), theme.group_header));
            spans.push(Span::styled(date, theme.muted));
            spans.push(Span::styled(count, theme.muted));
        }
        Row::Article { report: r, .. } => {
            let report = &doc.corpus.reports[r];
            // The source's grade and the review count, right-aligned, when annotating.
            let mut right = String::new();
            if let Some(j) = &app.model.annotations {
                if let Some(rel) = j.sources.get(&report.id).and_then(|s| s.reliability) {
                    right.push_str(&format!(" [{}]", rel.id()));
                }
                if let Some((done, all)) =
                    app.model.notes.reviewed.get(r).filter(|(_, all)| *all > 0)
                {
                    right.push_str(&format!(" {done}/{all}"));
                }
            }
            let (date, date_inferred) = date_label(report);
            let (source, source_inferred) = source_label(report);
            let (headline, _) = report.display_headline();
            spans.push(Span::raw("  "));
            spans.push(value_span(date, date_inferred, theme.muted, theme));
            spans.push(Span::raw(" "));
            spans.push(value_span(source, source_inferred, theme.label, theme));
            spans.push(Span::raw(" "));
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            let right = if used + width(&right) + 8 <= max {
                right
            } else {
                String::new()
            };
            let room = max.saturating_sub(used + width(&right));
            let headline = fit(&headline, room);
            let pad = room.saturating_sub(width(&headline));
            spans.push(Span::styled(headline, theme.text));
            if !right.is_empty() {
                spans.push(Span::raw(" ".repeat(pad)));
                spans.push(Span::styled(right, theme.muted));
            }
        }
    }
    Line::from(spans)
}
