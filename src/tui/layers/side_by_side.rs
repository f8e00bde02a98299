//! Two reports of an incident side by side: their sentences aligned so that passages one
//! reuses from the other (reworded or not) sit on the same row, marked; the selected slot's
//! claims highlighted in both texts; one scroll for both.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::compare::align::Row;
use crate::text::{sanitize, width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;
use crate::tui::panes::status_bar::hint_text;
use crate::tui::panes::text_block::{draw_text_pane, wrap_lines};

/// The reports of the incident shown in the comparison pane, in file order.
pub fn reports(app: &App) -> Vec<usize> {
    let Some(c) = app.selected_comparison() else {
        return Vec::new();
    };
    let ids: Vec<&str> = c
        .origins
        .iter()
        .flat_map(|o| o.reports.iter().map(String::as_str))
        .collect();
    let mut out: Vec<usize> = app
        .model
        .doc
        .corpus
        .reports
        .iter()
        .enumerate()
        .filter(|(_, r)| ids.contains(&r.id.as_str()))
        .map(|(i, _)| i)
        .collect();
    out.sort_unstable();
    out
}

/// Spans of report `r` to highlight: the claims of the selected slot.
fn highlights(app: &App, r: usize) -> Vec<[usize; 2]> {
    let Some(slot) = app
        .selected_comparison()
        .and_then(|c| c.slots.get(app.view.comparison.selected))
    else {
        return Vec::new();
    };
    let id = &app.model.doc.corpus.reports[r].id;
    let claims = app.model.claims.as_ref().and_then(|all| all.get(r));
    slot.values
        .iter()
        .filter(|v| &v.report == id)
        .filter_map(|v| claims?.iter().find(|c| c.id == v.claim).map(|c| c.span))
        .collect()
}

/// A sentence as a styled line, the highlighted spans in it marked.
fn sentence_line(body: &str, span: [usize; 2], marks: &[[usize; 2]], app: &App) -> Line<'static> {
    let [a, b] = span;
    let mut spans = Vec::new();
    let mut at = a;
    let mut marks: Vec<[usize; 2]> = marks
        .iter()
        .filter(|m| m[0] < b && m[1] > a)
        .map(|m| [m[0].max(a), m[1].min(b)])
        .collect();
    marks.sort_unstable();
    for [m0, m1] in marks {
        if m0 < at || !body.is_char_boundary(m0) || !body.is_char_boundary(m1) {
            continue;
        }
        spans.push(Span::styled(
            sanitize(&body[at..m0]).into_owned(),
            app.config.theme.text,
        ));
        spans.push(Span::styled(
            sanitize(&body[m0..m1]).into_owned(),
            app.config.theme.highlight,
        ));
        at = m1;
    }
    spans.push(Span::styled(
        sanitize(&body[at..b]).into_owned(),
        app.config.theme.text,
    ));
    Line::from(spans)
}

fn pad(line: Line<'static>, w: usize) -> Vec<Span<'static>> {
    let used: usize = line.spans.iter().map(|s| width(&s.content)).sum();
    let mut spans = line.spans;
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used))));
    spans
}

/// The view's lines at `inner` cells wide: two columns and a gutter marking shared passages.
pub fn lines(
    app: &App,
    (left, right): (usize, usize),
    rows: &[Row],
    inner: u16,
) -> Vec<Line<'static>> {
    let corpus = &app.model.doc.corpus;
    let col = (inner.saturating_sub(3) / 2).max(1);
    let (lmarks, rmarks) = (highlights(app, left), highlights(app, right));
    let title = |r: usize| {
        let (headline, _) = corpus.reports[r].display_headline();
        Line::styled(
            crate::text::fit(
                &format!("{} — {}", corpus.reports[r].id, headline),
                col as usize,
            ),
            app.config.theme.headline,
        )
    };
    let mut out = vec![
        Line::from(
            [
                pad(title(left), col as usize),
                vec![Span::raw("   ")],
                pad(title(right), col as usize),
            ]
            .concat(),
        ),
        Line::default(),
    ];
    for row in rows {
        let cell = |r: usize, span: Option<[usize; 2]>, marks: &[[usize; 2]]| {
            span.map(|s| {
                wrap_lines(
                    &[sentence_line(&corpus.reports[r].body, s, marks, app)],
                    col,
                )
            })
            .unwrap_or_default()
        };
        let (l, r) = (
            cell(left, row.left, &lmarks),
            cell(right, row.right, &rmarks),
        );
        let gutter: Style = if row.shared {
            app.config.theme.agree
        } else {
            app.config.theme.muted
        };
        for n in 0..l.len().max(r.len()) {
            let mark = if row.shared && n == 0 {
                " ≈ "
            } else {
                " │ "
            };
            let left_line = l.get(n).cloned().unwrap_or_default();
            let right_line = r.get(n).cloned().unwrap_or_default();
            out.push(Line::from(
                [
                    pad(left_line, col as usize),
                    vec![Span::styled(mark, gutter)],
                    right_line.spans,
                ]
                .concat(),
            ));
        }
        out.push(Line::default());
    }
    out
}

/// The area the view takes: the whole screen but the status bar.
pub fn area(screen: Rect) -> Rect {
    Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    }
}

/// Draw the view over the screen.
pub fn draw(frame: &mut Frame, app: &App, pair: (usize, usize), rows: &[Row], scroll: usize) {
    let area = area(frame.area());
    frame.render_widget(Clear, area);
    let content = lines(
        app,
        pair,
        rows,
        crate::tui::panes::text_block::inner_width(area),
    );
    let keys = hint_text(
        app,
        Context::SideBySide,
        &[Action::NextSource, Action::PrevSource, Action::Back],
    );
    let title = format!("Side by side — ≈ reused passage · {keys}");
    draw_text_pane(
        frame,
        area,
        &title,
        &content,
        scroll,
        true,
        &app.config.theme,
    );
}
