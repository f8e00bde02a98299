//! The status bar: the file, the focused pane, and hints for the keys that matter there,
//! generated from the key map, always ending with the keys for help and quitting when they
//! fit. A message, when there is one, gets a line of its own above the bar until the next
//! key, so it never hides the hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text::{fit, width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;

/// Actions worth a hint in each context, most important first.
fn hinted(context: Context) -> &'static [Action] {
    match context {
        Context::Articles => &[Action::Open, Action::ToggleGroup, Action::FocusNext],
        Context::Reader => &[Action::PageDown, Action::Back, Action::FocusNext],
        Context::Claims => &[
            Action::Open,
            Action::DisputedNext,
            Action::Grade3,
            Action::EditNote,
            Action::Undo,
            Action::Search,
        ],
        Context::Visual => &[Action::WordNext, Action::MakeClaim, Action::Back],
        Context::Comparison => &[Action::MoveDown, Action::Open, Action::FocusNext],
        Context::Help => &[Action::MoveDown, Action::Search, Action::Back],
        Context::SideBySide => &[Action::NextSource, Action::PageDown, Action::Back],
        Context::Editor => &[
            Action::Submit,
            Action::Save,
            Action::NextField,
            Action::Cancel,
        ],
        Context::Picker => &[
            Action::Submit,
            Action::SelectNext,
            Action::SelectPrev,
            Action::Cancel,
        ],
        Context::Candidates => &[
            Action::SelectNext,
            Action::SaidBy,
            Action::Submit,
            Action::Cancel,
        ],
        Context::Global => &[Action::FocusNext],
        Context::Found => &[Action::NextHit, Action::PrevHit, Action::ClearSearch],
        Context::Sources => &[
            Action::MoveDown,
            Action::Open,
            Action::SourceB,
            Action::Back,
        ],
        Context::Queue => &[
            Action::MoveDown,
            Action::Open,
            Action::Search,
            Action::QueueScope,
            Action::Back,
        ],
    }
}

/// "key label · key label" for those of `actions` bound in `context`, for a window's foot.
pub fn hint_text(app: &App, context: Context, actions: &[Action]) -> String {
    actions
        .iter()
        .filter_map(|&a| {
            Some(format!(
                "{} {}",
                app.config.keymap.key_for(context, a)?,
                a.info().label
            ))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The hints for the current context as (key, label) pairs, and how many at the end are
/// the keys for help and quitting, which the bar keeps when others must go.
pub fn hints(app: &App) -> (Vec<(String, &'static str)>, usize) {
    let context = app.view.context();
    // In a note the accepting key starts a new line, and a one-field form has no next
    // field: no hints for those.
    let (in_note, one_field) = match app.view.top() {
        Some(crate::tui::app::Layer::Editor(ed)) => (
            ed.fields.get(ed.focus).is_some_and(|f| f.multiline),
            ed.fields.len() == 1,
        ),
        _ => (false, false),
    };
    let closes = !app.view.layers.is_empty();
    // While a search's hits are walked, its keys are the ones to know.
    let body = app.view.found_context().unwrap_or(context);
    let hint_in = |context: Context, action: Action| {
        let key = app.config.keymap.key_for(context, action)?;
        let label = match action {
            Action::Back if closes => "close",
            Action::Search if matches!(context, Context::Help | Context::Queue) => "filter",
            _ => action.info().label,
        };
        Some((key, label))
    };
    // The help's filter key filters nothing in the other windows of its context.
    let filters = !matches!(
        app.view.top(),
        Some(crate::tui::app::Layer::Notice { .. } | crate::tui::app::Layer::Timeline { .. })
    );
    let mut all: Vec<_> = hinted(body)
        .iter()
        .filter(|&&action| filters || action != Action::Search)
        .filter(|&&action| !(in_note && action == Action::Submit))
        .filter(|&&action| !(one_field && action == Action::NextField))
        .filter_map(|&action| hint_in(body, action))
        .collect();
    let kept = all.len();
    // A window taking text is left with its own keys (Esc, Enter); quitting is not its hint.
    let typing = app
        .view
        .top()
        .is_some_and(crate::tui::app::Layer::takes_text);
    all.extend(
        [Action::Help, Action::Quit]
            .iter()
            .filter(|&&action| !(typing && action == Action::Quit))
            .filter_map(|&action| hint_in(context, action)),
    );
    (all, kept)
}

/// Draw the bar into its one-line `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.config.theme;
    let total = area.width as usize;
    let pane = match app.view.top() {
        None => app.view.focus.title(),
        Some(layer) => layer.title(),
    };
    let mut right: Vec<Span> = Vec::new();
    let (all, kept) = hints(app);
    let w = |(key, label): &(String, &str)| width(key) + width(label) + 3;
    let tail: usize = all[kept..].iter().map(w).sum();
    // Help and quit first claim their room; the pane's own hints fill what is left.
    let room = (total * 3 / 4).saturating_sub(tail);
    let mut used = 0;
    let mut shown: Vec<&(String, &str)> = Vec::new();
    for hint in &all[..kept] {
        if used + w(hint) > room {
            break;
        }
        used += w(hint);
        shown.push(hint);
    }
    for (key, label) in shown.into_iter().chain(&all[kept..]) {
        right.push(Span::styled(format!(" {key}"), theme.hint_key));
        right.push(Span::styled(format!(" {label} "), theme.hint));
    }
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let left_room = total.saturating_sub(right_width);
    let pane_part = format!(" [{pane}]");
    let name_room = left_room.saturating_sub(width(&pane_part) + 2);
    let mut left = vec![Span::raw(" ")];
    if name_room >= 8 {
        left.push(Span::raw(fit(&app.model.doc.name, name_room)));
    }
    left.push(Span::raw(pane_part));
    let left_width: usize = left.iter().map(|s| width(&s.content)).sum();
    let gap = total.saturating_sub(left_width + right_width);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status_bar),
        area,
    );
}

/// Draw the one-time message line into `area` (the line above the status bar).
pub fn draw_message(frame: &mut Frame, area: Rect, message: &str, app: &App) {
    let total = area.width as usize;
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(
        Paragraph::new(format!(" {}", fit(message, total.saturating_sub(2))))
            .style(app.config.theme.warning),
        area,
    );
}
