//! Short descriptions of reports and incidents shared by several panes, always sanitised and
//! always marking what is inferred rather than printed in the report.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::compare::Status;
use crate::model::{Field, Report};
use crate::text::sanitize;
use crate::tui::config::theme::Theme;

/// Marker appended to inferred values in compact views; the reader spells out why.
pub const INFERRED_MARK: &str = "?";

/// Who published the report, as shortly as possible: the outlet, else the wire agency.
/// The flag says whether that is inferred.
pub fn source_label(report: &Report) -> (String, bool) {
    let field = if report.outlet.is_unknown() {
        &report.wire
    } else {
        &report.outlet
    };
    match field.value() {
        Some(v) => (sanitize(v).into_owned(), field.is_inferred()),
        None => ("outlet unknown".to_string(), false),
    }
}

/// The publication date, or a placeholder of the same width.
pub fn date_label(report: &Report) -> (String, bool) {
    match report.published.value() {
        Some(p) => (p.date().to_string(), report.published.is_inferred()),
        None => ("date unknown".to_string(), false),
    }
}

/// A span for a possibly inferred value: styled and marked when inferred.
pub fn value_span(value: String, inferred: bool, plain: Style, theme: &Theme) -> Span<'static> {
    if inferred {
        Span::styled(format!("{value}{INFERRED_MARK}"), theme.inferred)
    } else {
        Span::styled(value, plain)
    }
}

/// A metadata field as "value", "value (inferred: why)" or `None` when unknown.
pub fn field_text<T: ToString>(field: &Field<T>) -> Option<(String, Option<String>)> {
    match field {
        Field::Unknown => None,
        Field::Stated(v) => Some((sanitize(&v.to_string()).into_owned(), None)),
        Field::Inferred { value, why } => Some((
            sanitize(&value.to_string()).into_owned(),
            Some(sanitize(why).into_owned()),
        )),
    }
}

/// The style a status is shown in.
pub fn status_style(theme: &Theme, status: Status) -> ratatui::style::Style {
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
