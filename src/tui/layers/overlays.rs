//! Windows drawn over the main screen: the help overlay, generated from the key map, and
//! notices (problems found in the user's config files).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::text::{sanitize, width};
use crate::tui::action::{ACTIONS, Action, ActionGroup};
use crate::tui::app::{App, Layer};
use crate::tui::config::keymap::Context;
use crate::tui::panes::text_block::draw_text_pane;

/// " (KEY closes)" with the key that closes a window of text, when one is bound.
pub fn closes(app: &App, context: Context) -> String {
    app.key_hint(context, Action::Back, "closes")
}

/// The help overlay's lines: every bound action, grouped, with its keys and where they work.
pub fn help_content(app: &App) -> Vec<Line<'static>> {
    let theme = &app.config.theme;
    let mut rows: Vec<(ActionGroup, String, String)> = Vec::new();
    for info in ACTIONS {
        for context in Context::ALL {
            let keys = app.config.keymap.keys_in(context, info.action);
            if keys.is_empty() {
                continue;
            }
            let keys = keys
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let mut what = info.title.to_string();
            if context != Context::Global {
                what.push_str(&format!(" [{}]", context.id()));
            }
            rows.push((info.group, keys, what));
        }
    }
    let key_width = rows
        .iter()
        .map(|(_, k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(22);
    let mut lines = Vec::new();
    let mut current = None;
    for (group, keys, what) in rows
        .iter()
        .filter(|r| r.0 == ActionGroup::Navigation)
        .chain(rows.iter().filter(|r| r.0 != ActionGroup::Navigation))
    {
        if current != Some(*group) {
            if current.is_some() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(group.title(), theme.group_header));
            current = Some(*group);
        }
        let pad = key_width.saturating_sub(width(keys));
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys}{}  ", " ".repeat(pad)), theme.hint_key),
            Span::styled(what.clone(), theme.hint),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "[context] marks keys that work only there. Values ending in ? are inferred, not printed \
         in the report. Keys can be changed in keymap.ron in the config directory (crosscheck --help \
         says where).",
        theme.muted,
    ));
    lines
}

/// Draw the overlay on top of whatever is below it.
pub fn draw(frame: &mut Frame, app: &App, overlay: &Layer) {
    let area = centered(frame.area());
    frame.render_widget(Clear, area);
    match overlay {
        Layer::Help { scroll } => draw_text_pane(
            frame,
            area,
            &format!("Help — keys{}", closes(app, Context::Help)),
            &help_content(app),
            *scroll,
            true,
            &app.config.theme,
        ),
        Layer::Notice {
            title,
            lines,
            scroll,
        } => {
            let lines: Vec<Line> = lines
                .iter()
                .map(|l| Line::styled(sanitize(l).into_owned(), app.config.theme.text))
                .collect();
            draw_text_pane(
                frame,
                area,
                &format!("{title}{}", closes(app, Context::Help)),
                &lines,
                *scroll,
                true,
                &app.config.theme,
            );
        }
        _ => {}
    }
}

/// The overlay's area: most of the screen, all of it when small. Leaves the status bar free.
pub fn centered(screen: Rect) -> Rect {
    let body = Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    };
    let w = if body.width < 60 {
        body.width
    } else {
        (body.width * 4 / 5).clamp(60, 100)
    };
    let h = if body.height < 16 {
        body.height
    } else {
        (body.height * 4 / 5).max(16)
    };
    Rect {
        x: body.x + (body.width - w) / 2,
        y: body.y + (body.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The lines an overlay shows, for scroll limits.
pub fn content_len(app: &App, overlay: &Layer, screen: Rect) -> usize {
    let area = centered(screen);
    match overlay {
        Layer::Help { .. } => {
            crate::tui::panes::text_block::content_height(&help_content(app), area)
        }
        Layer::SideBySide {
            left, right, rows, ..
        } => {
            let area = super::side_by_side::area(screen);
            let inner = crate::tui::panes::text_block::inner_width(area);
            super::side_by_side::lines(app, (*left, *right), rows, inner).len()
        }
        Layer::Notice { lines, .. } => {
            let lines: Vec<Line> = lines
                .iter()
                .map(|l| Line::raw(sanitize(l).into_owned()))
                .collect();
            crate::tui::panes::text_block::content_height(&lines, area)
        }
        _ => 0,
    }
}
