//! Two reports of an incident side by side: their sentences aligned so that passages one
//! reuses from the other (reworded or not) sit on the same row, marked; the selected slot's
//! claims highlighted in both texts; one scroll for both.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::state::App;
use super::text_block::{draw_text_pane, wrap_lines};
use crate::text::{sanitize, width};

/// A row of the view: a sentence of each report (either may be missing), and whether the two
/// are one passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Byte span of the left report's sentence.
    pub left: Option<[usize; 2]>,
    /// Byte span of the right report's sentence.
    pub right: Option<[usize; 2]>,
    /// True when the two sentences are one passage reused.
    pub shared: bool,
}

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

/// Align the sentences of reports `left` and `right` (corpus indices), like a diff: passages
/// they share, in order on both sides, on one row each; the sentences between two such rows
/// side by side.
pub fn rows(app: &App, left: usize, right: usize) -> Vec<Row> {
    let corpus = &app.doc.corpus;
    let (l, r) = (&corpus.reports[left], &corpus.reports[right]);
    let classes = |id: &str, spans: Vec<[usize; 2]>| -> Vec<([usize; 2], Option<usize>)> {
        let passages = app
            .selected_comparison()
            .map(|c| c.passages.as_slice())
            .unwrap_or_default();
        spans
            .into_iter()
            .map(|s| {
                (
                    s,
                    passages
                        .iter()
                        .find(|p| p.report == id && p.span == s)
                        .and_then(|p| p.class),
                )
            })
            .collect()
    };
    let lefts = classes(&l.id, crate::extract::sentence_spans(&l.body));
    let rights = classes(&r.id, crate::extract::sentence_spans(&r.body));
    // Matches in order on both sides (greedy: a match going back on the right is dropped).
    let mut matches: Vec<(usize, usize)> = Vec::new();
    let mut used = vec![false; rights.len()];
    for (i, (_, class)) in lefts.iter().enumerate() {
        let after = matches.last().map_or(0, |m| m.1 + 1);
        if let Some(c) = class
            && let Some(j) = (after..rights.len()).find(|&j| !used[j] && rights[j].1 == Some(*c))
        {
            used[j] = true;
            matches.push((i, j));
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(mi, mj) in matches
        .iter()
        .chain(std::iter::once(&(lefts.len(), rights.len())))
    {
        let (ls, rs) = (&lefts[i..mi], &rights[j..mj]);
        for n in 0..ls.len().max(rs.len()) {
            out.push(Row {
                left: ls.get(n).map(|x| x.0),
                right: rs.get(n).map(|x| x.0),
                shared: false,
            });
        }
        if mi < lefts.len() {
            out.push(Row {
                left: Some(lefts[mi].0),
                right: Some(rights[mj].0),
                shared: true,
            });
        }
        (i, j) = (mi + 1, mj + 1);
    }
    out
}

/// Spans of report `r` to highlight: the claims of the selected slot.
fn highlights(app: &App, r: usize) -> Vec<[usize; 2]> {
    let Some(slot) = app
        .selected_comparison()
        .and_then(|c| c.slots.get(app.comparison.selected))
    else {
        return Vec::new();
    };
    let id = &app.doc.corpus.reports[r].id;
    let claims = app.claims.by_report.as_ref().and_then(|all| all.get(r));
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
            app.theme.text,
        ));
        spans.push(Span::styled(
            sanitize(&body[m0..m1]).into_owned(),
            app.theme.highlight,
        ));
        at = m1;
    }
    spans.push(Span::styled(
        sanitize(&body[at..b]).into_owned(),
        app.theme.text,
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
pub fn lines(app: &App, left: usize, right: usize, inner: u16) -> Vec<Line<'static>> {
    let corpus = &app.doc.corpus;
    let col = (inner.saturating_sub(3) / 2).max(1);
    let (lmarks, rmarks) = (highlights(app, left), highlights(app, right));
    let title = |r: usize| {
        let (headline, _) = corpus.reports[r].display_headline();
        Line::styled(
            crate::text::fit(
                &format!("{} — {}", corpus.reports[r].id, headline),
                col as usize,
            ),
            app.theme.headline,
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
    for row in rows(app, left, right) {
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
            app.theme.agree
        } else {
            app.theme.muted
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
pub fn draw(frame: &mut Frame, app: &App, left: usize, right: usize, scroll: usize) {
    let area = area(frame.area());
    frame.render_widget(Clear, area);
    let content = lines(app, left, right, super::text_block::inner_width(area));
    let title = "Side by side — ≈ reused passage · [ ] other report · Esc closes";
    draw_text_pane(frame, area, title, &content, scroll, true, &app.theme);
}
