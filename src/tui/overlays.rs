//! Windows drawn over the main screen: the help overlay, generated from the key map, and
//! notices (problems found in the user's config files).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::action::{ACTIONS, ActionGroup};
use super::keymap::Context;
use super::state::{App, Overlay};
use super::text_block::draw_text_pane;
use crate::text::{sanitize, width};

/// The help overlay's lines: every bound action, grouped, with its keys and where they work.
pub fn help_content(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut rows: Vec<(ActionGroup, String, String)> = Vec::new();
    for info in ACTIONS {
        for context in Context::ALL {
            let keys = app.keymap.keys_in(context, info.action);
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
pub fn draw(frame: &mut Frame, app: &App, overlay: &Overlay) {
    let area = centered(frame.area());
    frame.render_widget(Clear, area);
    match overlay {
        Overlay::Help { scroll } => draw_text_pane(
            frame,
            area,
            "Help — keys (Esc closes)",
            &help_content(app),
            *scroll,
            true,
            &app.theme,
        ),
        Overlay::SideBySide {
            left,
            right,
            scroll,
        } => super::side_by_side::draw(frame, app, *left, *right, *scroll),
        Overlay::Notice {
            title,
            lines,
            scroll,
        } => {
            let lines: Vec<Line> = lines
                .iter()
                .map(|l| Line::styled(sanitize(l).into_owned(), app.theme.text))
                .collect();
            draw_text_pane(
                frame,
                area,
                &format!("{title} (Esc closes)"),
                &lines,
                *scroll,
                true,
                &app.theme,
            )
        }
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
pub fn content_len(app: &App, overlay: &Overlay, screen: Rect) -> usize {
    let area = centered(screen);
    match overlay {
        Overlay::Help { .. } => super::text_block::content_height(&help_content(app), area),
        Overlay::SideBySide { left, right, .. } => {
            let area = super::side_by_side::area(screen);
            super::side_by_side::lines(app, *left, *right, super::text_block::inner_width(area))
                .len()
        }
        Overlay::Notice { lines, .. } => {
            let lines: Vec<Line> = lines
                .iter()
                .map(|l| Line::raw(sanitize(l).into_owned()))
                .collect();
            super::text_block::content_height(&lines, area)
        }
    }
}
