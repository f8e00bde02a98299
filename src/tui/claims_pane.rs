//! The claims pane: what the selected report claims, one row a claim: kind, value, hedge,
//! source, and the incident when it is not the report's main one. Only visible rows are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::article_list_pane::SELECTED_MARK;
use super::state::App;
use super::text_block::{draw_text_pane, inner_height, pane_block};
use crate::extract::{snake, source_text, value_text};
use crate::model::{BACKGROUND, Claim, Hedge};
use crate::text::{fit, width};

/// Short tag of a claim's kind, fixed width.
fn tag(claim: &Claim) -> &'static str {
    use crate::model::ClaimKind::*;
    match claim.kind() {
        Casualty => "CAS",
        Location => "LOC",
        Time => "TIM",
        Actor => "ACT",
        Responsibility => "RSP",
        Means => "MNS",
        Statement => "STM",
    }
}

/// Draw the pane into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let Some(_) = &app.claims.by_report else {
        let lines = vec![Line::styled("Extracting claims…", theme.muted)];
        return draw_text_pane(frame, area, "Claims", &lines, 0, focused, theme);
    };
    if app.claims.report.is_none() {
        let lines = vec![Line::styled(
            "Select an article to see its claims.",
            theme.muted,
        )];
        return draw_text_pane(frame, area, "Claims", &lines, 0, focused, theme);
    }
    let claims = app.claims.claims();
    if claims.is_empty() {
        let lines = vec![Line::styled("No claims found in this report.", theme.muted)];
        return draw_text_pane(frame, area, "Claims (0)", &lines, 0, focused, theme);
    }
    let main_incident = app
        .claims
        .report
        .and_then(|r| app.doc.corpus.reports[r].incidents.first())
        .cloned();
    let block = pane_block(
        Line::from(format!(" Claims ({}) ", claims.len())),
        focused,
        theme,
    );
    let max = area.width.saturating_sub(2) as usize;
    let height = inner_height(area);
    let lines: Vec<Line> = claims
        .iter()
        .enumerate()
        .skip(app.claims.offset)
        .take(height)
        .map(|(i, claim)| {
            let selected = i == app.claims.selected;
            let mut spans = vec![
                Span::raw(if selected { SELECTED_MARK } else { "  " }),
                Span::styled(format!("{} ", tag(claim)), theme.label),
            ];
            let value = match claim.kind() {
                crate::model::ClaimKind::Statement => claim.text.clone(),
                _ => value_text(claim),
            };
            spans.push(Span::styled(value, theme.text));
            if !matches!(claim.hedge, Hedge::Exact) {
                spans.push(Span::styled(
                    format!(" ({})", snake(&claim.hedge).replace('_', " ")),
                    theme.muted,
                ));
            }
            spans.push(Span::styled(
                format!(" · {}", source_text(claim)),
                theme.muted,
            ));
            if Some(&claim.incident) != main_incident.as_ref() {
                let label = if claim.incident == BACKGROUND {
                    "background".to_string()
                } else {
                    claim.incident.clone()
                };
                spans.push(Span::styled(format!(" [{label}]"), theme.warning));
            }
            let mut used = 0;
            let spans: Vec<Span> = spans
                .into_iter()
                .filter_map(|s| {
                    let room = max.saturating_sub(used);
                    if room == 0 {
                        return None;
                    }
                    let text = fit(&s.content, room);
                    used += width(&text);
                    Some(Span::styled(text, s.style))
                })
                .collect();
            let line = Line::from(spans);
            if selected {
                line.style(if focused {
                    theme.selection
                } else {
                    theme.selection_unfocused
                })
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.text).block(block), area);
}
