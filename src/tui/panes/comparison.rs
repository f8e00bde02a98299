//! The comparison pane: the sources on the selected incident compared. A header with the
//! counts (articles, distinct texts, independent origins), the reports that share an origin
//! and the flags; then one row a slot (status, range, origins), the selected slot opened to
//! show its values by source, revisions marked, and the estimate with its reasons.

use ratatui::text::{Line, Span};

use crate::compare::{Comparison, Status};
use crate::text::{fit, sanitize};
use crate::tui::app::App;

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

/// The style a status is shown in.
fn status_style(theme: &crate::tui::config::theme::Theme, status: Status) -> ratatui::style::Style {
    match status {
        Status::Conflict => theme.conflict,
        Status::Agree | Status::Consistent => theme.agree,
        _ => theme.muted,
    }
}

/// A status as a symbol (meaning without colour) and a word.
pub fn status_mark(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Conflict => ("‼", "CONFLICT"),
        Status::Consistent => ("≈", "consistent"),
        Status::Agree => ("=", "agree"),
        Status::NotComparable => ("?", "not comparable"),
        Status::SingleSource => ("·", "single source"),
    }
}

/// From this inner width the slots are drawn as a matrix, sources as columns.
pub const MATRIX_FROM: u16 = 120;

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
    if width >= MATRIX_FROM && !comparison.slots.is_empty() {
        let rows = matrix(app, comparison, width as usize, &mut lines);
        if let Some(slot) = comparison.slots.get(app.view.comparison.selected) {
            lines.push(Line::default());
            lines.push(Line::styled(
                format!("{} — by source", sanitize(&slot.slot)),
                theme.label,
            ));
            details(app, &comparison.incident, slot, &mut lines);
        }
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

/// The slots as a matrix: a row a slot, a column a report, each cell the report's figures
/// (revised ones marked ~). Returns the line of each slot's row.
fn matrix(app: &App, c: &Comparison, width: usize, lines: &mut Vec<Line<'static>>) -> Vec<usize> {
    let theme = &app.config.theme;
    let label_w = 30;
    let status_w = 28;
    let mut reports: Vec<&str> = Vec::new();
    for v in c.slots.iter().flat_map(|s| &s.values) {
        if !reports.contains(&v.report.as_str()) {
            reports.push(&v.report);
        }
    }
    let room = width.saturating_sub(label_w + status_w + 2);
    let col_w = (room / reports.len().max(1)).clamp(12, 40);
    let shown = (room / col_w).min(reports.len());
    let short = |id: &str| -> String {
        let report = app.model.doc.corpus.report(id);
        let name = report
            .and_then(|r| r.outlet.value().or(r.wire.value()).cloned())
            .unwrap_or_else(|| id.to_string());
        fit(&name, col_w - 1)
    };
    let pad = |s: String, w: usize| {
        let used = crate::text::width(&s);
        format!("{s}{}", " ".repeat(w.saturating_sub(used)))
    };
    let mut head = vec![Span::styled(
        pad("  slot".into(), label_w + status_w),
        theme.label,
    )];
    for id in &reports[..shown] {
        head.push(Span::styled(pad(short(id), col_w), theme.label));
    }
    if shown < reports.len() {
        head.push(Span::styled(
            format!("+{} more", reports.len() - shown),
            theme.muted,
        ));
    }
    lines.push(Line::from(head));
    let mut rows = Vec::with_capacity(c.slots.len());
    for (n, slot) in c.slots.iter().enumerate() {
        rows.push(lines.len());
        let selected = n == app.view.comparison.selected;
        let (mark, word) = status_mark(slot.status);
        let status_style = status_style(theme, slot.status);
        let label = format!(
            "{}{mark} {}",
            if selected { "▶ " } else { "  " },
            sanitize(&slot.slot)
        );
        let mut spans = vec![
            Span::styled(pad(fit(&label, label_w - 1), label_w), theme.text),
            Span::styled(
                pad(
                    fit(
                        &format!(
                            "{word} {}",
                            slot.range.as_deref().map(sanitize).unwrap_or_default()
                        ),
                        status_w - 6,
                    ),
                    status_w - 5,
                ),
                status_style,
            ),
            Span::styled(
                pad(format!("{}×", slot.independent_origins), 5),
                theme.muted,
            ),
        ];
        for id in &reports[..shown] {
            let cell: Vec<String> = slot
                .values
                .iter()
                .filter(|v| v.report == *id)
                .map(|v| format!("{}{}", if v.superseded { "~" } else { "" }, figure(v)))
                .collect();
            spans.push(Span::styled(
                pad(fit(&sanitize(&cell.join(", ")), col_w - 1), col_w),
                theme.text,
            ));
        }
        let row = Line::from(spans);
        lines.push(if selected {
            row.style(theme.selection)
        } else {
            row
        });
    }
    rows
}

/// A value as short as it can be: the figure for numbers ("35+", "16", "24-99", "129 km"),
/// else the value's words.
pub fn figure(v: &crate::compare::Value) -> String {
    let n = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        }
    };
    match (v.low, v.high) {
        (Some(l), Some(h)) if l == h => n(l),
        (Some(l), None) => format!("{}+", n(l)),
        (Some(l), Some(h)) if v.value.contains("km") => v
            .value
            .split(" of ")
            .next()
            .unwrap_or(&v.value)
            .split(" from ")
            .next()
            .map_or_else(|| format!("{}-{}", n(l), n(h)), str::to_string),
        (Some(l), Some(h)) => format!("{}-{}", n(l), n(h)),
        _ => v.value.clone(),
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
