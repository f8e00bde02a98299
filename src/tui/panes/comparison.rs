//! The comparison pane: the sources on the selected incident compared. A header with the
//! counts (articles, distinct texts, independent origins), the reports that share an origin
//! and the flags; then one row a slot (status, range, origins), the selected slot opened to
//! show its values by source, revisions marked, and the estimate with its reasons.

use ratatui::text::{Line, Span};

use crate::compare::Comparison;
use crate::text::sanitize;
use crate::tui::app::App;

use super::describe::{figure, status_mark, status_style};

/// The pane's title for the current selection.
pub fn title(app: &App) -> String {
    let incident = app
        .selected_group()
        .and_then(|g| app.model.doc.index.groups[g].incident)
        .map(|i| app.model.doc.corpus.incidents[i].title.as_str());
    match incident {
        Some(t) => format!("Comparison — {t}"),
        None => "Comparison".to_string(),
    }
}

/// A slot's row: status mark, name, status word, range, origins, and the analyst's status
/// and assessment.
fn slot_row(
    app: &App,
    comparison: &crate::compare::Comparison,
    slot: &crate::compare::Slot,
    selected: bool,
) -> Line<'static> {
    let theme = &app.config.theme;
    let (mark, word) = status_mark(slot.status);
    let status_style = status_style(theme, slot.status);
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(format!("{mark} "), status_style),
        Span::styled(sanitize(&slot.slot).into_owned(), theme.text),
        Span::styled(format!("  {word}"), status_style),
    ];
    if let Some(range) = &slot.range {
        spans.push(Span::styled(format!("  {}", sanitize(range)), theme.text));
    }
    let s = if slot.independent_origins == 1 {
        ""
    } else {
        "s"
    };
    spans.push(Span::styled(
        format!("  {} origin{s}", slot.independent_origins),
        theme.muted,
    ));
    // The analyst's word on the slot: conflict status and assessment.
    if let Some(note) = app
        .model
        .annotations
        .as_ref()
        .and_then(|j| j.slot(&comparison.incident, &slot.slot))
    {
        if let Some(status) = note.status {
            spans.push(Span::styled(format!("  [{}]", status.id()), theme.warning));
        }
        if let Some(a) = &note.assessment {
            let range = if a.range.is_empty() {
                String::new()
            } else {
                format!(" ({})", a.range)
            };
            spans.push(Span::styled(
                sanitize(&format!("  assessed {}{range}", a.best)).into_owned(),
                theme.agree,
            ));
        }
    }
    Line::from(spans)
}

/// The lines of the pane before wrapping (at `width` cells), and the line where each slot's
/// row is.
pub fn content(app: &App, width: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = &app.config.theme;
    let doc = &app.model.doc;
    let Some(g) = app.selected_group() else {
        return (
            vec![Line::styled("No incidents in this file.", theme.muted)],
            Vec::new(),
        );
    };
    let Some(i) = doc.index.groups[g].incident else {
        let lines = vec![Line::styled(
            "These reports are not assigned to an incident, so there is nothing to compare.",
            theme.muted,
        )];
        return (lines, Vec::new());
    };
    let incident = &doc.corpus.incidents[i];
    let mut lines = vec![Line::styled(
        sanitize(&incident.title).into_owned(),
        theme.headline,
    )];
    let mut place = vec![Span::styled(incident.date_text(), theme.muted)];
    if !incident.place.is_empty() {
        place.push(Span::styled(
            format!(" · {}", sanitize(&incident.place)),
            theme.muted,
        ));
    }
    lines.push(Line::from(place));
    let Some(comparison) = app.selected_comparison() else {
        lines.push(Line::default());
        lines.push(Line::styled("Comparing sources…", theme.muted));
        return (lines, Vec::new());
    };
    header(app, comparison, &mut lines);
    if width >= super::matrix::MATRIX_FROM && !comparison.slots.is_empty() {
        // The selected slot opens under its row, as in the list: its details stay in view.
        let rows = super::matrix::draw(
            app,
            comparison,
            width as usize,
            &mut lines,
            |slot, lines| {
                details(app, &comparison.incident, slot, lines);
            },
        );
        return (lines, rows);
    }
    let mut rows = Vec::with_capacity(comparison.slots.len());
    for (n, slot) in comparison.slots.iter().enumerate() {
        let selected = n == app.view.comparison.selected;
        rows.push(lines.len());
        let row = slot_row(app, comparison, slot, selected);
        lines.push(if selected {
            row.style(theme.selection)
        } else {
            row
        });
        if selected {
            details(app, &comparison.incident, slot, &mut lines);
            if let Some(a) = app
                .model
                .annotations
                .as_ref()
                .and_then(|j| j.slot(&comparison.incident, &slot.slot))
                .and_then(|n| n.assessment.as_ref())
                .filter(|a| !a.rationale.is_empty())
            {
                lines.push(Line::styled(
                    format!(
                        "      rationale: {}",
                        sanitize(&a.rationale.replace('\n', " / "))
                    ),
                    theme.hint,
                ));
            }
        }
    }
    if comparison.slots.is_empty() {
        lines.push(Line::styled(
            "No claims about this incident to compare.",
            theme.muted,
        ));
    }
    (lines, rows)
}

/// The selected slot opened: its values by source, revisions marked, and the estimate.
fn details(app: &App, incident: &str, slot: &crate::compare::Slot, lines: &mut Vec<Line<'static>>) {
    let theme = &app.config.theme;
    for v in &slot.values {
        let style = if v.superseded {
            theme.muted
        } else {
            theme.text
        };
        let mut spans = vec![Span::styled(
            format!("     {}", sanitize(&figure(v))),
            style,
        )];
        if v.superseded {
            spans.push(Span::styled(" (revised later)", theme.muted));
        }
        let when = v
            .published
            .as_deref()
            .map(|p| format!(" · {p}"))
            .unwrap_or_default();
        spans.push(Span::styled(
            format!(
                " · {} · {}{when}",
                sanitize(&v.attribution),
                sanitize(&v.report)
            ),
            theme.muted,
        ));
        lines.push(Line::from(spans));
    }
    // What the analyst left out stays in sight, with why, so the estimate can be read.
    let excluded = app
        .model
        .annotations
        .as_ref()
        .and_then(|a| a.slot(incident, &slot.slot))
        .map(|n| &n.excluded);
    for e in excluded.into_iter().flat_map(|m| m.values()) {
        let why = if e.reason.is_empty() {
            String::new()
        } else {
            format!(": {}", sanitize(&e.reason))
        };
        lines.push(Line::styled(
            format!("     ⊘ left out {}{why}", sanitize(&e.value)),
            theme.muted,
        ));
    }
    // Slots the analyst merged into this one: their values are among those above.
    let merged = app
        .model
        .annotations
        .iter()
        .flat_map(|a| a.merged_into(incident, &slot.slot));
    for name in merged {
        lines.push(Line::styled(
            format!("     ⊕ merged here: {}", sanitize(name)),
            theme.muted,
        ));
    }
    if let Some(e) = &slot.estimate {
        lines.push(Line::styled(
            format!(
                "     estimate: low {} · best {} · high {} · floor {}",
                e.low, e.best, e.high, e.floor
            ),
            theme.label,
        ));
        lines.push(Line::styled(
            format!("     {}", sanitize(&e.why)),
            theme.muted,
        ));
    }
}

fn header(app: &App, c: &Comparison, lines: &mut Vec<Line<'static>>) {
    let theme = &app.config.theme;
    lines.push(Line::styled(
        format!(
            "{} articles · {} distinct texts · {} independent origins",
            c.counts.articles, c.counts.distinct_texts, c.counts.independent_origins
        ),
        theme.label,
    ));
    for origin in c.origins.iter().filter(|o| o.reports.len() > 1) {
        lines.push(Line::from(vec![
            Span::styled("≡ one origin: ", theme.label),
            Span::styled(
                sanitize(&origin.reports.join(", ")).into_owned(),
                theme.text,
            ),
            Span::styled(format!(" ({})", sanitize(&origin.why)), theme.muted),
        ]));
    }
    for flag in &c.flags {
        lines.push(Line::styled(
            format!("⚑ {}: {}", sanitize(&flag.report), sanitize(&flag.message)),
            theme.warning,
        ));
    }
    lines.push(Line::default());
}
