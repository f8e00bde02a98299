//! The review queue window: the claims still to review, one row each (verdict, kind, value,
//! who said it, report), the filter line on top. Only the rows on screen are built.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::window::centered;
use crate::annotate::Verdict;
use crate::text::{fit, sanitize};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::queue::ReviewQueue;
use crate::tui::config::keymap::Context;
use crate::tui::panes::text_block::pane_block;

/// Rows of items the window shows at once on a screen of `size`: the window less its
/// border and the filter line.
pub fn rows_shown(size: (u16, u16)) -> usize {
    let area = centered(ratatui::layout::Rect::new(0, 0, size.0, size.1));
    area.height.saturating_sub(3) as usize
}

/// Draw the window.
pub fn draw(frame: &mut Frame, app: &App, q: &ReviewQueue) {
    let theme = &app.config.theme;
    let area = centered(frame.area());
    frame.render_widget(Clear, area);
    let scope = match q.incident {
        Some(i) => sanitize(&app.model.doc.corpus.incidents[i].title).into_owned(),
        None => "the whole file".to_string(),
    };
    let scope_key = app.key_hint(
        Context::Queue,
        Action::QueueScope,
        if q.incident.is_some() {
            "whole file"
        } else {
            "incident"
        },
    );
    let title = format!(
        " Review queue — {scope}: {} to review{scope_key} ",
        q.items.len()
    );
    let block = pane_block(Line::from(title), true, theme);
    let inner = area.width.saturating_sub(2) as usize;
    let filter = q.filter.text();
    let filter_line = match (&q.problem, q.typing, filter.is_empty()) {
        (Some(problem), ..) => Line::styled(format!("filter: {filter} — {problem}"), theme.warning),
        (None, true, _) => Line::styled(format!("filter: {}▏", sanitize(&filter)), theme.text),
        (None, false, true) => Line::styled(
            format!(
                "unreviewed, disputed or uncertain{}",
                app.key_hint(
                    Context::Queue,
                    Action::Search,
                    "filters: verdict: tag: kind: source: slot: words"
                )
            ),
            theme.muted,
        ),
        (None, false, false) => Line::styled(
            format!(
                "filter: {}{}",
                sanitize(&filter),
                app.key_hint(Context::Queue, Action::Back, "clears")
            ),
            theme.label,
        ),
    };
    let mut lines = vec![filter_line];
    let rows = rows_shown((frame.area().width, frame.area().height));
    for (n, item) in q.items.iter().enumerate().skip(q.offset).take(rows) {
        let Some(claim) = app.model.claims_of(item.report).get(item.claim) else {
            continue;
        };
        let verdict = app
            .model
            .note_of(claim)
            .map_or(Verdict::Unreviewed, |n| n.verdict);
        let report = &app.model.doc.corpus.reports[item.report].id;
        let value = claim.value().to_string();
        let value = if value.trim().is_empty() {
            format!("\"{}\"", fit(&claim.text, 48))
        } else {
            value
        };
        let kind = claim.kind().id().get(..3).unwrap_or("").to_uppercase();
        let text = format!(
            "{:<11} {kind} {} · {} · {}",
            verdict.to_string(),
            sanitize(&value),
            sanitize(&claim.attribution.to_string()),
            sanitize(report)
        );
        let mark = if n == q.selected { "▶ " } else { "  " };
        let line = Line::from(vec![
            Span::raw(mark),
            Span::raw(fit(&text, inner.saturating_sub(2))),
        ]);
        lines.push(if n == q.selected {
            line.style(theme.selection)
        } else {
            line
        });
    }
    if q.items.is_empty() {
        lines.push(Line::styled("Nothing left to review here.", theme.muted));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text).block(block), area);
}
