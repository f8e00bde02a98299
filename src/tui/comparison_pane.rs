//! The comparison pane: the selected incident and the sources that report it. The slot-by-slot
//! comparison needs claim extraction; until then the pane says so.

use ratatui::text::{Line, Span};

use super::describe::{date_label, source_label, value_span};
use super::state::App;
use crate::text::sanitize;

/// The pane's title for the current selection.
pub fn title(app: &App) -> String {
    let incident = app
        .selected_group()
        .and_then(|g| app.doc.index.groups[g].incident)
        .map(|i| app.doc.corpus.incidents[i].title.as_str());
    match incident {
        Some(t) => format!("Comparison — {t}"),
        None => "Comparison".to_string(),
    }
}

/// The lines of the comparison pane, before wrapping.
pub fn content(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let doc = &app.doc;
    let Some(g) = app.selected_group() else {
        return vec![Line::styled("No incidents in this file.", theme.muted)];
    };
    let group = &doc.index.groups[g];
    let mut lines = Vec::new();
    match group.incident {
        Some(i) => {
            let incident = &doc.corpus.incidents[i];
            lines.push(Line::styled(
                sanitize(&incident.title).into_owned(),
                theme.headline,
            ));
            let label = |l: &str| Span::styled(format!("{l:<7}"), theme.label);
            lines.push(Line::from(vec![
                label("Date"),
                Span::raw(incident.date_text()),
            ]));
            if !incident.place.is_empty() {
                lines.push(Line::from(vec![
                    label("Place"),
                    Span::raw(sanitize(&incident.place).into_owned()),
                ]));
            }
            if !incident.summary.is_empty() {
                lines.push(Line::default());
                lines.push(Line::raw(sanitize(&incident.summary).into_owned()));
            }
        }
        None => lines.push(Line::styled(
            "Reports not assigned to any incident",
            theme.headline,
        )),
    }
    lines.push(Line::default());
    let n = group.reports.len();
    lines.push(Line::styled(
        format!(
            "Sources ({n} {})",
            if n == 1 { "report" } else { "reports" }
        ),
        theme.label,
    ));
    for &r in &group.reports {
        let report = &doc.corpus.reports[r];
        let (date, date_inferred) = date_label(report);
        let (source, source_inferred) = source_label(report);
        let mut spans = vec![
            Span::raw("• "),
            value_span(date, date_inferred, theme.muted, theme),
            Span::raw(" "),
            value_span(source, source_inferred, theme.text, theme),
        ];
        if !report.outlet.is_unknown()
            && let Some(wire) = report.wire.value()
        {
            spans.push(Span::styled(" via ", theme.muted));
            spans.push(value_span(
                sanitize(wire).into_owned(),
                report.wire.is_inferred(),
                theme.text,
                theme,
            ));
        }
        spans.push(Span::styled(
            format!("  {}", sanitize(&report.id)),
            theme.muted,
        ));
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Agreement, conflict and independence of these sources need claim extraction, which is \
         not part of this build.",
        theme.muted,
    ));
    lines
}
