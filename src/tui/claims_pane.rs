//! The claims pane: what the selected report claims. Claim extraction is not in this build,
//! so it says so plainly rather than showing an empty box.

use ratatui::text::{Line, Span};

use super::describe::{date_label, source_label, value_span};
use super::state::App;
use crate::text::sanitize;

/// The lines of the claims pane, before wrapping.
pub fn content(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(r) = app.selected_report() else {
        return vec![Line::styled(
            "Select an article to see its claims.",
            theme.muted,
        )];
    };
    let report = &app.doc.corpus.reports[r];
    let (headline, _) = report.display_headline();
    let (source, source_inferred) = source_label(report);
    let (date, date_inferred) = date_label(report);
    vec![
        Line::styled(sanitize(&headline).into_owned(), theme.headline),
        Line::from(vec![
            value_span(source, source_inferred, theme.label, theme),
            Span::raw("  "),
            value_span(date, date_inferred, theme.muted, theme),
        ]),
        Line::default(),
        Line::styled("No claims extracted yet.", theme.text),
        Line::styled(
            "Claim extraction is not part of this build. This pane will list each claim of the \
             report (who, what, how many, where, when) with its hedge and who the report says \
             said it. The full text is in the reader (Enter in the article list).",
            theme.muted,
        ),
    ]
}
