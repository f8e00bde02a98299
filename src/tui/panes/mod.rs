//! Drawing: a pure function of the app. No I/O, no work that grows with the corpus. One file
//! per pane, with the layout and the text helpers they share; the layers over the panes are
//! drawn by [`crate::tui::layers`].

pub mod article_list;
pub mod claims;
pub mod comparison;
pub mod describe;
pub mod layout;
pub mod reader;
pub mod status_bar;
pub mod text_block;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Pane};
use layout::{MIN_SIZE, layout_zoomed, tab_spans};
use text_block::draw_text_pane;

/// Draw the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let view = &app.view;
    let theme = &app.config.theme;
    let screen = layout_zoomed(area, view.focus, view.reader.is_some(), view.zoomed);
    if screen.too_small {
        let message = format!(
            "Terminal too small ({}x{}); crosscheck needs {}x{}",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        let y = area.height / 2;
        let line = Rect {
            y,
            height: 1.min(area.height),
            ..area
        };
        frame.render_widget(
            Paragraph::new(message)
                .alignment(Alignment::Center)
                .style(theme.warning),
            line,
        );
        return;
    }
    if let Some(tabs) = screen.tabs {
        let spans: Vec<Span> = tab_spans(&screen.cycle, tabs)
            .into_iter()
            .flat_map(|(pane, label, _, _)| {
                let style = if pane == view.focus {
                    theme.tab_focused
                } else {
                    theme.muted
                };
                [Span::styled(label, style), Span::raw("│")]
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    }
    for &(pane, rect) in &screen.panes {
        let focused = pane == view.focus && !view.covered();
        draw_pane(frame, app, pane, rect, focused);
    }
    status_bar::draw(frame, screen.status, app);
    for layer in &view.layers {
        crate::tui::layers::draw(frame, app, layer);
    }
}

fn draw_pane(frame: &mut Frame, app: &App, pane: Pane, rect: Rect, focused: bool) {
    let theme = &app.config.theme;
    match pane {
        Pane::Articles => article_list::draw(frame, rect, app, focused),
        Pane::Claims => claims::draw(frame, rect, app, focused),
        Pane::Comparison => {
            let (lines, _) = comparison::content(app, text_block::inner_width(rect));
            draw_text_pane(
                frame,
                rect,
                &comparison::title(app),
                &lines,
                app.view.comparison.scroll,
                focused,
                theme,
            );
        }
        Pane::Reader => match app.view.reader {
            Some(r) => draw_text_pane(
                frame,
                rect,
                &reader::title(&app.model.doc.corpus.reports[r]),
                &reader::content(app, r),
                app.view.reader_scroll,
                focused,
                theme,
            ),
            None => draw_text_pane(frame, rect, "Reader", &[], 0, focused, theme),
        },
    }
}
