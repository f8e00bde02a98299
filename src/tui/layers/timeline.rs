//! The timeline: how an incident's figures moved. The selected count slot as a bar chart in
//! order of publication (each bar a source's definite figure, dated under it; vague ranges
//! such as "dozens" are listed, not drawn), then every count slot
//! of the incident as a chronology: date, figure, who said it, which report, revisions
//! marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Clear};

use super::window::{centered, closes};
use crate::compare::{Comparison, Slot, Value};
use crate::text::sanitize;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;
use crate::tui::panes::describe::figure;
use crate::tui::panes::text_block::draw_text_pane;

/// A definite figure: exact or "at least", not a vague range ("dozens" is 24-99).
fn definite(v: &Value) -> bool {
    v.high.is_none() || v.high == v.low
}

/// A slot's numeric values in order of publication (undated ones last, in file order).
pub fn in_order(slot: &Slot) -> Vec<&Value> {
    let mut values: Vec<&Value> = slot.values.iter().filter(|v| v.low.is_some()).collect();
    values.sort_by(|a, b| match (&a.published, &b.published) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    values
}

/// The slot the chart shows: the comparison's selected slot when it counts, else the
/// incident's first count slot.
pub fn charted(app: &App, c: &Comparison) -> Option<usize> {
    let counts = |s: &Slot| s.values.iter().any(|v| v.low.is_some());
    let selected = app.view.comparison.selected;
    c.slots
        .get(selected)
        .filter(|s| counts(s))
        .map(|_| selected)
        .or_else(|| c.slots.iter().position(counts))
}

/// The chronology under the chart: each count slot's values in order of publication.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.config.theme;
    let Some(c) = app.selected_comparison() else {
        return vec![Line::styled(
            "No incident selected, or it is being compared…",
            theme.muted,
        )];
    };
    let mut lines = Vec::new();
    for slot in c.slots.iter() {
        let values = in_order(slot);
        if values.is_empty() {
            continue;
        }
        let path: Vec<String> = values
            .iter()
            .filter(|v| definite(v))
            .map(|v| figure(v))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(sanitize(&slot.slot).into_owned(), theme.label),
            Span::styled(format!("  {}", path.join(" → ")), theme.text),
        ]));
        for v in values {
            let revised = if v.superseded { " (revised later)" } else { "" };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<10} ", v.published.as_deref().unwrap_or("undated")),
                    theme.muted,
                ),
                Span::styled(format!("{:>7}", sanitize(&figure(v))), theme.text),
                Span::styled(
                    format!(
                        "  {} · {}{revised}",
                        sanitize(&v.attribution),
                        sanitize(&v.report)
                    ),
                    theme.muted,
                ),
            ]));
        }
        lines.push(Line::default());
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            "No figures about this incident to put in order.",
            theme.muted,
        ));
    }
    lines
}

/// Where the chart and the chronology go on a screen of `screen`: the chart only when there
/// is a count slot and room.
pub fn areas(app: &App, screen: Rect) -> (Option<(usize, Rect)>, Rect) {
    let area = centered(screen);
    let charted = app.selected_comparison().and_then(|c| charted(app, c));
    let chart_height = if area.height >= 16 && charted.is_some() {
        (area.height / 3).clamp(6, 12)
    } else {
        0
    };
    let [top, below] =
        Layout::vertical([Constraint::Length(chart_height), Constraint::Min(0)]).areas(area);
    match charted {
        Some(n) if chart_height > 0 => (Some((n, top)), below),
        _ => (None, area),
    }
}

/// Draw the window: the chart above, the chronology below.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    frame.render_widget(Clear, centered(frame.area()));
    let (chart, body) = areas(app, frame.area());
    if let (Some((n, top)), Some(c)) = (chart, app.selected_comparison()) {
        draw_chart(frame, app, &c.slots[n], top);
    }
    draw_text_pane(
        frame,
        body,
        &format!("Timeline{}", closes(app, Context::Help)),
        &lines(app),
        scroll,
        true,
        &app.config.theme,
    );
}

/// A bar per value of `slot`, in order of publication, its figure on it and its date under.
fn draw_chart(frame: &mut Frame, app: &App, slot: &Slot, area: Rect) {
    let theme = &app.config.theme;
    let values = in_order(slot);
    let bars: Vec<Bar> = values
        .iter()
        .filter(|v| definite(v))
        .map(|v| {
            let date = v
                .published
                .as_deref()
                .map_or("?", |d| d.get(5..).unwrap_or(d));
            Bar::default()
                .value(v.low.unwrap_or(0.0).max(0.0) as u64)
                .text_value(sanitize(&figure(v)).into_owned())
                .label(Line::from(sanitize(date).into_owned()))
                .style(if v.superseded {
                    theme.muted
                } else {
                    theme.label
                })
        })
        .collect();
    let inner = area.width.saturating_sub(2).max(1);
    let n = bars.len().max(1) as u16;
    let width = (inner / n).saturating_sub(1).clamp(1, 7);
    let chart = BarChart::default()
        .block(
            ratatui::widgets::Block::bordered()
                .title(format!(
                    " {} in order of publication ",
                    sanitize(&slot.slot)
                ))
                .border_style(theme.border_focused),
        )
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .value_style(theme.selection);
    frame.render_widget(chart, area);
}
