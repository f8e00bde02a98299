//! The sources window: per source of the selected incident, who it is (outlet, wire, date —
//! inferred ones marked ?), the analyst's reliability grade, the origin it belongs to and
//! why, whom it cites, and what it gives each slot. One source is selected, to grade it or
//! open its report.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::window::{centered, closes};
use crate::text::sanitize;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;
use crate::tui::panes::describe::{date_label, source_label, value_span};
use crate::tui::panes::text_block::draw_text_pane;

/// The incident's sources (corpus indices), in file order.
pub fn reports(app: &App) -> Vec<usize> {
    super::side_by_side::reports(app)
}

/// The window's lines at any width, and the line where each source's block starts.
pub fn lines(app: &App, selected: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = &app.config.theme;
    let Some(c) = app.selected_comparison() else {
        return (
            vec![Line::styled(
                "No incident selected, or it is being compared…",
                theme.muted,
            )],
            Vec::new(),
        );
    };
    let corpus = &app.model.doc.corpus;
    let annotations = app.model.annotations.as_deref();
    let mut lines = vec![Line::styled(
        format!(
            "{} — {} sources, {} independent origins",
            sanitize(&c.title),
            c.counts.articles,
            c.counts.independent_origins
        ),
        theme.headline,
    )];
    let mut starts = Vec::new();
    for (n, r) in reports(app).into_iter().enumerate() {
        let report = &corpus.reports[r];
        starts.push(lines.len());
        lines.push(Line::default());
        let (source, source_inferred) = source_label(report);
        let (date, date_inferred) = date_label(report);
        let grade = annotations
            .and_then(|a| a.sources.get(&report.id))
            .and_then(|s| s.reliability)
            .map_or_else(
                || "not graded".to_string(),
                |g| format!("reliability {}", g.id()),
            );
        let mark = if n == selected { "▶ " } else { "  " };
        let style = if n == selected {
            theme.selection
        } else {
            theme.text
        };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            value_span(source, source_inferred, theme.label, theme),
            Span::raw(" · "),
            value_span(date, date_inferred, theme.muted, theme),
            Span::styled(
                format!(" · {grade} · {}", sanitize(&report.id)),
                theme.muted,
            ),
        ]));
        let indent = |label: &str, text: String| {
            Line::from(vec![
                Span::styled(format!("    {label}: "), theme.label),
                Span::styled(text, theme.text),
            ])
        };
        // The origin it shares with others, and why.
        if let Some(o) = c
            .origins
            .iter()
            .find(|o| o.reports.len() > 1 && o.reports.contains(&report.id))
        {
            let others: Vec<&str> = o
                .reports
                .iter()
                .filter(|id| **id != report.id)
                .map(String::as_str)
                .collect();
            lines.push(indent(
                "origin",
                sanitize(&format!("one with {} ({})", others.join(", "), o.why)).into_owned(),
            ));
        } else {
            lines.push(indent("origin", "its own".into()));
        }
        if let (Some(wire), Some(outlet)) = (report.wire.value(), report.outlet.value())
            && wire != outlet
        {
            let q = |inferred: bool| if inferred { "?" } else { "" };
            lines.push(indent(
                "relays",
                sanitize(&format!(
                    "{wire}{} → {outlet}{}",
                    q(report.wire.is_inferred()),
                    q(report.outlet.is_inferred())
                ))
                .into_owned(),
            ));
        }
        contributions(app, c, &report.id, &mut lines);
    }
    (lines, starts)
}

/// Whom the report cites, and its values slot by slot.
fn contributions(
    app: &App,
    c: &crate::compare::Comparison,
    report: &str,
    lines: &mut Vec<Line<'static>>,
) {
    let theme = &app.config.theme;
    let mut cited: Vec<&str> = Vec::new();
    let mut gives: Vec<String> = Vec::new();
    for slot in &c.slots {
        let mut values: Vec<String> = Vec::new();
        for v in slot.values.iter().filter(|v| v.report == report) {
            if v.attribution != "the report" && !cited.contains(&v.attribution.as_str()) {
                cited.push(&v.attribution);
            }
            let figure = crate::tui::panes::describe::figure(v);
            if !values.contains(&figure) {
                values.push(figure);
            }
        }
        // A named slot ("actor: Hasm", "said: …") already says its value.
        values.retain(|v| !slot.slot.ends_with(v.as_str()) && !slot.slot.starts_with("said"));
        match (
            values.is_empty(),
            slot.values.iter().any(|v| v.report == report),
        ) {
            (_, false) => {}
            (true, true) => gives.push(slot.slot.clone()),
            (false, true) => gives.push(format!("{} {}", slot.slot, values.join(", "))),
        }
    }
    if !cited.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("    cites: ", theme.label),
            Span::styled(sanitize(&cited.join(" · ")).into_owned(), theme.text),
        ]));
    }
    let gives = if gives.is_empty() {
        "nothing compared".to_string()
    } else {
        gives.join(" · ")
    };
    lines.push(Line::from(vec![
        Span::styled("    gives: ", theme.label),
        Span::styled(sanitize(&gives).into_owned(), theme.muted),
    ]));
}

/// Draw the window.
pub fn draw(frame: &mut Frame, app: &App, selected: usize, scroll: usize) {
    let area = centered(frame.area());
    frame.render_widget(Clear, area);
    let (lines, _) = lines(app, selected);
    let keys = &app.config.keymap;
    let grade = keys
        .key_for(Context::Sources, Action::SourceA)
        .zip(keys.key_for(Context::Sources, Action::SourceF))
        .map(|(a, f)| format!(" · {a}-{f} grade"))
        .unwrap_or_default();
    let open = app.key_hint(Context::Sources, Action::Open, "opens");
    let queue = app.key_hint(
        Context::Sources,
        Action::FilterClaims,
        "its claims to review",
    );
    draw_text_pane(
        frame,
        area,
        &format!(
            "Sources{}{grade}{open}{queue}",
            closes(app, Context::Sources)
        ),
        &lines,
        scroll,
        true,
        &app.config.theme,
    );
}
