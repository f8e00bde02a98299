//! Windows drawn over the main screen: the help overlay, generated from the key map, and
//! notices (problems found in the user's config files).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::text::{sanitize, width};
use crate::tui::action::{ACTIONS, Action};
use crate::tui::app::{App, Layer};
use crate::tui::config::keymap::Context;
use crate::tui::panes::text_block::draw_text_pane;

use super::window::{centered, closes};

/// The help overlay's lines for the actions matching `filter` (words of a title or a key;
/// empty: all). Keys are grouped by where they work, in words; an action with the same keys
/// in several places is listed once, under all of them.
pub fn help_content(app: &App, filter: &str) -> Vec<Line<'static>> {
    let theme = &app.config.theme;
    // (where, keys, title), where = the contexts sharing that binding, in key map order.
    let mut rows: Vec<(Vec<Context>, String, &'static str)> = Vec::new();
    for info in ACTIONS {
        let mut by_keys: Vec<(String, Vec<Context>)> = Vec::new();
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
            match by_keys.iter_mut().find(|(k, _)| *k == keys) {
                Some((_, contexts)) => contexts.push(context),
                None => by_keys.push((keys, vec![context])),
            }
        }
        rows.extend(by_keys.into_iter().map(|(k, c)| (c, k, info.title)));
    }
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let place = |contexts: &[Context]| {
        let names: Vec<&str> = contexts.iter().map(|c| c.title()).collect();
        names.join(" · ")
    };
    rows.retain(|(contexts, keys, title)| {
        let hay = format!("{keys} {title} {}", place(contexts)).to_lowercase();
        words.iter().all(|w| hay.contains(w.as_str()))
    });
    // Sections in key map order of their first context; rows in action order within.
    rows.sort_by_key(|(contexts, ..)| contexts.clone());
    let key_width = rows
        .iter()
        .map(|(_, k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(22);
    let mut lines = Vec::new();
    let mut current: Option<&[Context]> = None;
    for (contexts, keys, what) in &rows {
        if current != Some(contexts.as_slice()) {
            if current.is_some() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(place(contexts), theme.group_header));
            current = Some(contexts);
        }
        let pad = key_width.saturating_sub(width(keys));
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys}{}  ", " ".repeat(pad)), theme.hint_key),
            Span::styled(*what, theme.hint),
        ]));
    }
    // The commands without a key, under the key that opens the palette.
    let palette_key = app
        .config
        .keymap
        .key_for(Context::Global, Action::Palette)
        .map_or_else(String::new, |k| format!(" ({k})"));
    let commands: Vec<&'static str> = ACTIONS
        .iter()
        .filter(|info| info.action.palette_only())
        .map(|info| info.title)
        .filter(|title| {
            let hay = format!("{title} palette").to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    if !commands.is_empty() {
        if !rows.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            format!("From the palette{palette_key}, by name"),
            theme.group_header,
        ));
        lines.extend(
            commands
                .into_iter()
                .map(|title| Line::styled(format!("  {title}"), theme.hint)),
        );
    }
    if rows.is_empty() && lines.is_empty() {
        lines.push(Line::styled(
            format!("No key matches \"{}\".", sanitize(filter)),
            theme.muted,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Values ending in ? are inferred, not printed in the report. Keys can be changed in \
         keymap.ron in the config directory (crosscheck --help says where).",
        theme.muted,
    ));
    lines
}

/// The help window's title: how to close and filter it, and the filter being typed.
fn help_title(app: &App, layer: &Layer) -> String {
    let Layer::Help { filter, typing, .. } = layer else {
        return String::new();
    };
    match filter {
        Some(f) if *typing => format!("Help — keys matching: {}▏", sanitize(&f.text())),
        Some(f) => format!(
            "Help — keys matching \"{}\"{}",
            sanitize(&f.text()),
            app.key_hint(Context::Help, Action::Back, "shows all")
        ),
        None => {
            let keys = &app.config.keymap;
            let hints: Vec<String> = [(Action::Back, "closes"), (Action::Search, "filters")]
                .iter()
                .filter_map(|&(a, what)| {
                    Some(format!("{} {what}", keys.key_for(Context::Help, a)?))
                })
                .collect();
            if hints.is_empty() {
                "Help — keys".into()
            } else {
                format!("Help — keys ({})", hints.join(" · "))
            }
        }
    }
}

/// The help's lines: those made for its filter when they are, else made now.
pub fn help_lines(
    app: &App,
    help: &Layer,
    shown: Option<&(String, crate::tui::app::layer::HelpLines)>,
) -> crate::tui::app::layer::HelpLines {
    let filter = help.help_filter();
    match shown {
        Some((made_for, lines)) if *made_for == filter => std::sync::Arc::clone(lines),
        _ => std::sync::Arc::new(help_content(app, &filter)),
    }
}

/// Draw the overlay on top of whatever is below it.
pub fn draw(frame: &mut Frame, app: &App, overlay: &Layer) {
    let area = centered(frame.area());
    frame.render_widget(Clear, area);
    match overlay {
        Layer::Help { scroll, shown, .. } => draw_text_pane(
            frame,
            area,
            &help_title(app, overlay),
            &help_lines(app, overlay, shown.as_ref()),
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
