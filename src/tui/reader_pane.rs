//! The reader: a report's metadata (saying what is inferred and why) and its full text,
//! wrapped and scrollable. Control characters in the text are shown, never sent.

use ratatui::text::{Line, Span};

use super::describe::field_text;
use super::state::App;
use crate::model::Report;
use crate::text::sanitize;

/// The reader's title for `report`.
pub fn title(report: &Report) -> String {
    format!("Reader — {}", report.id)
}

/// The lines of the reader for report number `r`, before wrapping.
pub fn content(app: &App, r: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let corpus = &app.doc.corpus;
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
    field("Id", Some((sanitize(&report.id).into_owned(), None)), true);
    lines.push(Line::default());

    lines.extend(report.body.split('\n').map(|para| {
        let para = para.strip_suffix('\r').unwrap_or(para);
        Line::from(Span::styled(sanitize(para).into_owned(), theme.text))
    }));
    lines
}
