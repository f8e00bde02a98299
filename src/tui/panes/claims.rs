//! The claims pane: what the selected report claims, one row a claim: kind, value, hedge,
//! source, and the incident when it is not the report's main one. Only visible rows are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::article_list::SELECTED_MARK;
use super::text_block::{draw_text_pane, inner_height, pane_block};
use crate::annotate::{Verdict, manual};
use crate::model::snake;
use crate::model::{BACKGROUND, Claim, Hedge};
use crate::text::{fit, width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;

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
    let theme = &app.config.theme;
    let Some(_) = &app.model.claims else {
        let lines = vec![Line::styled("Extracting claims…", theme.muted)];
        return draw_text_pane(frame, area, "Claims", &lines, 0, focused, theme);
    };
    if app.view.claims.report.is_none() {
        let lines = vec![Line::styled(
            "Select an article to see its claims.",
            theme.muted,
        )];
        return draw_text_pane(frame, area, "Claims", &lines, 0, focused, theme);
    }
    let all = app.listed_claims();
    let claims: Vec<&Claim> = app
        .view
        .claims
        .shown
        .iter()
        .filter_map(|&i| all.get(i))
        .collect();
    if claims.is_empty() && app.view.claims.filter.is_some() {
        let lines = vec![Line::styled(
            format!(
                "No claim passes the filter{}.",
                app.key_hint(Context::Claims, Action::FilterClaims, "to change it")
            ),
            theme.muted,
        )];
        return draw_text_pane(frame, area, "Claims (filtered)", &lines, 0, focused, theme);
    }
    if claims.is_empty() {
        let lines = vec![Line::styled("No claims found in this report.", theme.muted)];
        return draw_text_pane(frame, area, "Claims (0)", &lines, 0, focused, theme);
    }
    let main_incident = app
        .view
        .claims
        .report
        .and_then(|r| app.model.doc.corpus.reports[r].incidents.first())
        .cloned();
    let title = title(app, claims.len(), all.len());
    let block = pane_block(Line::from(title), focused, theme);
    let max = area.width.saturating_sub(2) as usize;
    let height = inner_height(area);
    // The selected claim's annotation, on the last line, when there is room for it.
    let detail = (height >= 6 && app.annotating())
        .then(|| app.selected_claim().map(|c| detail_line(app, c, max)))
        .flatten();
    let rows = height - usize::from(detail.is_some());
    let mut lines: Vec<Line> = claims
        .iter()
        .enumerate()
        .skip(app.view.claims.offset)
        .take(rows)
        .map(|(i, claim)| {
            let selected = i == app.view.claims.selected;
            let line = row(app, claim, selected, main_incident.as_deref(), max);
            if !selected {
                line
            } else if focused {
                line.style(theme.selection)
            } else {
                line.style(theme.selection_unfocused)
            }
        })
        .collect();
    if let Some(d) = detail {
        while lines.len() < rows {
            lines.push(Line::default());
        }
        lines.push(d);
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text).block(block), area);
}

/// The pane's title: the count (and filter), the report's tally, the review count.
fn title(app: &App, shown: usize, all: usize) -> String {
    let mut title = match &app.view.claims.filter {
        Some(f) => format!(" Claims ({} of {}; filter: {}) ", shown, all, f.text),
        None => format!(" Claims ({shown}) "),
    };
    if let Some(t) = &app.view.claims.tally
        && (t.killed.low > 0 || t.injured.low > 0)
    {
        let n = |f: &crate::extract::tally::Figure| {
            format!("{}{}", f.low, if f.high.is_none() { "+" } else { "" })
        };
        title = format!(
            "{}· {} killed, {} injured ",
            title.trim_end_matches(' ').to_string() + " ",
            n(&t.killed),
            n(&t.injured)
        );
    }
    if let Some((done, n)) = app
        .view
        .claims
        .report
        .and_then(|r| app.model.notes.reviewed.get(r))
        && app.annotating()
    {
        title = format!(
            "{}· {done}/{n} reviewed ",
            title.trim_end_matches(' ').to_string() + " "
        );
    }
    title
}

/// One claim's row: the selection mark, its annotation column, kind, value, hedge, source,
/// and the incident when it is not the report's, fitted to `max` cells.
fn row(
    app: &App,
    claim: &Claim,
    selected: bool,
    main_incident: Option<&str>,
    max: usize,
) -> Line<'static> {
    let theme = &app.config.theme;
    let note = app.note_of(claim);
    let (mark, mark_style) = verdict_mark(note.map_or(Verdict::Unreviewed, |n| n.verdict), theme);
    let grade = note.and_then(|n| n.grade).map_or(" ", |g| g.id());
    let extra = match note {
        Some(n) if !n.note.is_empty() => "✎",
        Some(n) if !n.tags.is_empty() || n.corrected.is_some() => "#",
        _ if manual::is_manual(&claim.id) => "+",
        _ => " ",
    };
    let mut spans = vec![Span::raw(if selected { SELECTED_MARK } else { "  " })];
    // The annotation column, only where annotations are kept.
    if app.annotating() {
        spans.push(Span::styled(mark, mark_style));
        spans.push(Span::styled(grade.to_string(), theme.label));
        spans.push(Span::styled(format!("{extra} "), theme.muted));
    }
    spans.push(Span::styled(format!("{} ", tag(claim)), theme.label));
    let value = match claim.kind() {
        crate::model::ClaimKind::Statement => claim.text.clone(),
        _ => claim.value().to_string(),
    };
    spans.push(Span::styled(value, theme.text));
    // A distance carries its hedge in its words ("less than 200 km").
    let worded = matches!(
        &claim.detail,
        crate::model::Detail::Location {
            distance: Some(_),
            ..
        }
    );
    if !matches!(claim.hedge, Hedge::Exact) && !worded {
        spans.push(Span::styled(
            format!(" ({})", snake(&claim.hedge).replace('_', " ")),
            theme.muted,
        ));
    }
    spans.push(Span::styled(
        format!(" · {}", claim.attribution),
        theme.muted,
    ));
    if Some(claim.incident.as_str()) != main_incident {
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
    Line::from(spans)
}

/// One character for a verdict, so a column of them reads at a glance (and without colour).
fn verdict_mark(
    v: Verdict,
    theme: &crate::tui::config::theme::Theme,
) -> (&'static str, ratatui::style::Style) {
    match v {
        Verdict::Unreviewed => ("·", theme.muted),
        Verdict::Confirmed => ("✓", theme.agree),
        Verdict::Disputed => ("!", theme.conflict),
        Verdict::False => ("✗", theme.conflict),
        Verdict::ExtractionError => ("E", theme.warning),
        Verdict::Uncertain => ("?", theme.warning),
    }
}

/// The selected claim's annotation in one line: verdict, grade, tags, correction, note, and
/// the grade crosscheck suggests.
fn detail_line(app: &App, claim: &Claim, max: usize) -> Line<'static> {
    let theme = &app.config.theme;
    let note = app.note_of(claim);
    let mut parts: Vec<String> = Vec::new();
    match note {
        Some(n) => {
            parts.push(n.verdict.label().to_string());
            if let Some(g) = n.grade {
                parts.push(format!("grade {} ({})", g.id(), g.label()));
            }
            if !n.tags.is_empty() {
                parts.push(format!(
                    "tags: {}",
                    n.tags.iter().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
            if let Some(c) = &n.corrected {
                parts.push(format!("corrected: {c}"));
            }
            if !n.note.is_empty() {
                parts.push(format!("note: {}", n.note.replace('\n', " / ")));
            }
        }
        None => parts.push("not reviewed".into()),
    }
    let linked = app
        .model
        .annotations
        .as_ref()
        .map_or(0, |j| j.linked_to(&claim.id).count());
    if linked > 0 {
        parts.push(format!("{linked} linked"));
    }
    if note.and_then(|n| n.grade).is_none()
        && let Some(s) = app.suggestion(claim)
    {
        let key = app.key_hint(Context::Claims, Action::AcceptSuggestion, "");
        parts.push(format!("suggested grade {}{key}", s.grade.id()));
    }
    Line::styled(
        fit(
            &crate::text::sanitize(&format!(" {}", parts.join(" · "))),
            max,
        ),
        theme.hint,
    )
}
