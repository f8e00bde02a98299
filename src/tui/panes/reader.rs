//! The reader: a report's metadata (saying what is inferred and why) and its full text,
//! wrapped and scrollable. Control characters in the text are shown, never sent.

use ratatui::text::{Line, Span};

use super::describe::field_text;
use crate::model::Report;
use crate::text::sanitize;
use crate::tui::app::App;

/// The reader's title for `report`.
pub fn title(report: &Report) -> String {
    format!("Reader — {}", report.id)
}

/// The lines of the reader for report number `r`, before wrapping: the header, then the body
/// with the selected claim's words highlighted.
pub fn content(app: &App, r: usize) -> Vec<Line<'static>> {
    let mut lines = header(app, r);
    let report = &app.model.doc.corpus.reports[r];
    let highlight = highlighted_span(app, r);
    let mut offset = 0;
    for para in report.body.split('\n') {
        let start = offset;
        offset += para.len() + 1;
        let para = para.strip_suffix('\r').unwrap_or(para);
        let end = start + para.len();
        let line = match highlight {
            Some(([a, b], style)) if a < end && b > start => {
                let (a, b) = (a.max(start) - start, b.min(end) - start);
                Line::from(vec![
                    Span::styled(sanitize(&para[..a]).into_owned(), app.config.theme.text),
                    Span::styled(sanitize(&para[a..b]).into_owned(), style),
                    Span::styled(sanitize(&para[b..]).into_owned(), app.config.theme.text),
                ])
            }
            _ => Line::from(Span::styled(
                sanitize(para).into_owned(),
                app.config.theme.text,
            )),
        };
        lines.push(line);
    }
    lines
}

/// The byte span of report `r` to highlight and how: the text being selected in visual mode,
/// else the selected claim's, when it belongs to `r`.
fn highlighted_span(app: &App, r: usize) -> Option<([usize; 2], ratatui::style::Style)> {
    let report = &app.model.doc.corpus.reports[r];
    if let Some(ends) = app.view.visual()
        && app.view.reader == Some(r)
    {
        let [a, b] = crate::tui::app::layer::selection(&report.body, ends);
        let [a, b] = if a == b {
            [a, (a + 1).min(report.body.len())]
        } else {
            [a, b]
        };
        return (report.body.is_char_boundary(a) && report.body.is_char_boundary(b))
            .then_some(([a, b], app.config.theme.selection));
    }
    let claim = app.selected_claim()?;
    let [a, b] = claim.span;
    (claim.report == report.id
        && a <= b
        && b <= report.body.len()
        && report.body.is_char_boundary(a)
        && report.body.is_char_boundary(b))
    .then_some(([a, b], app.config.theme.highlight))
}

/// The wrapped line (at `width` cells) where byte `offset` of report `r`'s body is shown.
pub fn line_of(app: &App, r: usize, width: u16, offset: usize) -> usize {
    let mut line = super::text_block::wrap_lines(&header(app, r), width).len();
    let mut start = 0;
    for para in app.model.doc.corpus.reports[r].body.split('\n') {
        let ranges = crate::text::wrap(para.strip_suffix('\r').unwrap_or(para), width as usize);
        if offset < start + para.len() + 1 {
            let within = offset - start;
            return line
                + ranges
                    .iter()
                    .position(|x| within < x.end.max(x.start + 1))
                    .unwrap_or(0);
        }
        line += ranges.len();
        start += para.len() + 1;
    }
    line
}

/// The header of the reader: headline and metadata, each inference with its reason.
fn header(app: &App, r: usize) -> Vec<Line<'static>> {
    let theme = &app.config.theme;
    let corpus = &app.model.doc.corpus;
    let report = &corpus.reports[r];
    let mut lines = Vec::new();

    let (headline, from_text) = report.display_headline();
    let mut head = vec![Span::styled(
        sanitize(&headline).into_owned(),
        theme.headline,
    )];
    if from_text {
        head.push(Span::styled("  (no headline: first sentence)", theme.muted));
    } else if let Some(why) = report.headline.why() {
        head.push(Span::styled(
            format!("  (headline inferred: {})", sanitize(why)),
            theme.inferred,
        ));
    }
    lines.push(Line::from(head));
    lines.push(Line::default());

    let mut field = |label: &str, value: Option<(String, Option<String>)>, always: bool| {
        let label = Span::styled(format!("{label:<10}"), theme.label);
        match value {
            Some((v, None)) => lines.push(Line::from(vec![label, Span::styled(v, theme.text)])),
            Some((v, Some(why))) => lines.push(Line::from(vec![
                label,
                Span::styled(v, theme.inferred),
                Span::styled(format!("  (inferred: {why})"), theme.inferred),
            ])),
            None if always => lines.push(Line::from(vec![
                label,
                Span::styled("not stated", theme.muted),
            ])),
            None => {}
        }
    };
    field("Outlet", field_text(&report.outlet), true);
    field("Wire", field_text(&report.wire), false);
    field("Dateline", field_text(&report.dateline), false);
    field("Byline", field_text(&report.byline), false);
    field("Published", field_text(&report.published), true);
    field("Language", field_text(&report.language), false);
    field(
        "URL",
        report
            .url
            .as_deref()
            .map(|u| (sanitize(u).into_owned(), None)),
        false,
    );
    field(
        "Source",
        report
            .provenance
            .as_ref()
            .map(|p| (sanitize(&p.source).into_owned(), None)),
        false,
    );
    let covers: Vec<String> = report
        .incidents
        .iter()
        .map(|id| {
            corpus
                .incident(id)
                .map_or_else(|| id.clone(), |i| i.title.clone())
        })
        .collect();
    field(
        "Covers",
        (!covers.is_empty()).then(|| (sanitize(&covers.join("; ")).into_owned(), None)),
        true,
    );
    // Why it is under its incident: the analyst's move, else import's reasons.
    let moved = app
        .model
        .annotations
        .as_ref()
        .is_some_and(|j| j.memberships.contains_key(&report.id));
    let grouped = if moved {
        Some("moved by the analyst (the audit log says when)".to_string())
    } else {
        report
            .provenance
            .as_ref()
            .and_then(|p| p.grouped.as_deref())
            .map(|g| sanitize(g).into_owned())
    };
    field("Grouped", grouped.map(|g| (g, None)), false);
    field("Id", Some((sanitize(&report.id).into_owned(), None)), true);
    lines.push(Line::default());

    lines
}
