//! Drawing the input windows: editors, the search box with its highlighted hits, the command
//! palette, and the picker of claims made from a selection. Pure functions of the state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use super::window::centered;
use crate::text::{fit, sanitize, width};
use crate::tui::action::Action;
use crate::tui::app::forms::{Candidates, Editor, Field, IncidentPicker, Palette, SearchBox};
use crate::tui::app::{App, Layer};
use crate::tui::config::keymap::Context;
use crate::tui::panes::status_bar::hint_text;
use crate::tui::panes::text_block::pane_block;

/// Draw a window that takes text over everything.
pub fn draw(frame: &mut Frame, app: &App, layer: &Layer) {
    let screen = frame.area();
    let area = centered(screen);
    frame.render_widget(Clear, area);
    match layer {
        Layer::Editor(ed) => editor(frame, app, ed, area),
        Layer::Search(sb) => search(frame, app, sb, area),
        Layer::Palette(p) => palette(frame, app, p, area),
        Layer::Candidates(c) => candidates(frame, app, c, area),
        Layer::Incidents(p) => incidents(frame, app, p, area),
        _ => {}
    }
}

fn field_widget(frame: &mut Frame, app: &App, field: &Field, area: Rect, focused: bool) {
    let mut area_widget = field.area.clone();
    let border = if focused {
        app.config.theme.border_focused
    } else {
        app.config.theme.border
    };
    area_widget.set_block(
        Block::default()
            .borders(Borders::ALL)
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(border)
            .title(Span::styled(
                format!(" {} ", field.label),
                app.config.theme.title,
            )),
    );
    area_widget.set_style(app.config.theme.text);
    area_widget.set_cursor_line_style(ratatui::style::Style::default());
    if !focused {
        area_widget.set_cursor_style(app.config.theme.text);
    }
    frame.render_widget(&area_widget, area);
}

fn editor(frame: &mut Frame, app: &App, ed: &Editor, area: Rect) {
    let block = pane_block(
        Line::from(format!(
            " {} ",
            fit(&ed.title, area.width.saturating_sub(4) as usize)
        )),
        true,
        &app.config.theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let constraints: Vec<Constraint> = ed
        .fields
        .iter()
        .map(|f| {
            if f.multiline {
                Constraint::Min(3)
            } else {
                Constraint::Length(3)
            }
        })
        .collect();
    let rows = Layout::vertical(constraints).split(inner);
    for (n, (field, rect)) in ed.fields.iter().zip(rows.iter()).enumerate() {
        field_widget(frame, app, field, *rect, n == ed.focus);
    }
}

/// A window with a query field, a list under it with the selected row kept in view, and a
/// foot line: the search box and the palette. `row(item, selected, width)` draws one row.
#[allow(clippy::too_many_arguments)]
fn list_window<T>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    query: &Field,
    items: &[T],
    selected: usize,
    row: impl Fn(&T, bool, usize) -> Line<'static>,
    foot: &str,
) {
    let block = pane_block(Line::from(title.to_string()), true, &app.config.theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, list, foot_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    field_widget(frame, app, query, input, true);
    let max = list.width as usize;
    let h = list.height as usize;
    let top = selected.saturating_sub(h.saturating_sub(1));
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(i, item)| {
            let line = row(item, i == selected, max);
            if i == selected {
                line.style(app.config.theme.selection)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(
        Paragraph::new(Line::styled(fit(foot, max), app.config.theme.muted)),
        foot_area,
    );
}

/// A line with the chars at `marks` highlighted, fitted to `max` cells.
fn marked(text: &str, marks: &[usize], max: usize, app: &App) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        let c = if c.is_control() { ' ' } else { c };
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max {
            break;
        }
        used += w;
        let style = if marks.contains(&i) {
            app.config.theme.highlight
        } else {
            app.config.theme.text
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    spans
}

fn search(frame: &mut Frame, app: &App, sb: &SearchBox, area: Rect) {
    let status = if sb.busy {
        "searching…".to_string()
    } else if sb.answered.is_empty() {
        "type to search headlines, text, claims, notes and tags".to_string()
    } else {
        format!("{} matches for {:?}", sb.total, sb.answered)
    };
    let row = |hit: &crate::tui::app::forms::SearchHit, selected: bool, max: usize| {
        let report = &app.model.doc.corpus.reports[hit.report].id;
        let head = format!(
            "{} {:<8} {} · ",
            if selected { "▶" } else { " " },
            hit.kind.label(),
            fit(report, 18)
        );
        let room = max.saturating_sub(width(&head));
        let mut spans = vec![Span::styled(head, app.config.theme.muted)];
        spans.extend(marked(&hit.text, &hit.marks, room, app));
        Line::from(spans)
    };
    list_window(
        frame,
        app,
        area,
        " Search ",
        &sb.query,
        &sb.hits,
        sb.selected,
        row,
        &status,
    );
}

fn palette(frame: &mut Frame, app: &App, p: &Palette, area: Rect) {
    let context = app.view.focus.context();
    let row = |action: &Action, selected: bool, max: usize| {
        let keys = app.config.keymap.keys_for(context, *action);
        let keys = if keys.is_empty() {
            app.config.keymap.keys_for(Context::Global, *action)
        } else {
            keys
        };
        let key = keys.first().map(ToString::to_string).unwrap_or_default();
        let head = format!("{} {:<10} ", if selected { "▶" } else { " " }, key);
        let title = fit(action.info().title, max.saturating_sub(width(&head)));
        Line::from(vec![
            Span::styled(head, app.config.theme.hint_key),
            Span::styled(title, app.config.theme.text),
        ])
    };
    list_window(
        frame,
        app,
        area,
        " Commands ",
        &p.query,
        &p.matches,
        p.selected,
        row,
        &format!("{} commands", p.matches.len()),
    );
}

fn incidents(frame: &mut Frame, app: &App, p: &IncidentPicker, area: Rect) {
    let row = |n: &usize, selected: bool, max: usize| {
        let (id, label) = &p.choices[*n];
        let head = format!("{} ", if selected { "▶" } else { " " });
        // The id is shown when the label does not already say it.
        let text = if label.contains(id.as_str()) {
            label.clone()
        } else {
            format!("{label} [{id}]")
        };
        let text = fit(&text, max.saturating_sub(width(&head)));
        Line::from(vec![
            Span::styled(head, app.config.theme.hint_key),
            Span::styled(text, app.config.theme.text),
        ])
    };
    list_window(
        frame,
        app,
        area,
        &p.title(),
        &p.query,
        &p.matches,
        p.selected,
        row,
        &match p.matches.len() {
            1 => "1 incident".to_string(),
            n => format!("{n} incidents"),
        },
    );
}

fn candidates(frame: &mut Frame, app: &App, c: &Candidates, area: Rect) {
    let block = pane_block(
        Line::from(" Make a claim of the selection "),
        true,
        &app.config.theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let max = inner.width as usize;
    let mut lines = vec![
        Line::styled(
            fit(
                &format!(
                    "“{}”",
                    sanitize(&c.claims.first().map(|x| x.text.clone()).unwrap_or_default())
                ),
                max,
            ),
            app.config.theme.highlight,
        ),
        Line::default(),
    ];
    for (i, claim) in c.claims.iter().enumerate() {
        let text = format!(
            "{} {:<14} {} · {} · {}",
            if i == c.selected { "▶" } else { " " },
            claim.kind().id(),
            claim.value(),
            claim.attribution,
            claim.incident
        );
        let line = Line::styled(fit(&sanitize(&text), max), app.config.theme.text);
        lines.push(if i == c.selected {
            line.style(app.config.theme.selection)
        } else {
            line
        });
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        fit(
            &hint_text(
                app,
                Context::Candidates,
                &[
                    Action::SelectNext,
                    Action::SaidBy,
                    Action::Submit,
                    Action::Cancel,
                ],
            ),
            max,
        ),
        app.config.theme.hint,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
