//! Drawing: a pure function of the state. No I/O, no work that grows with the corpus.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::{MIN_SIZE, layout_zoomed, tab_spans};
use super::state::{App, Pane};
use super::text_block::draw_text_pane;
use super::{article_list_pane, claims_pane, comparison_pane, overlays, reader_pane, status_bar};

/// Draw the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let screen = layout_zoomed(area, app.focus, app.reader.is_some(), app.zoomed);
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
                .style(app.theme.warning),
            line,
        );
        return;
    }
    if let Some(tabs) = screen.tabs {
        let spans: Vec<Span> = tab_spans(&screen.cycle, tabs)
            .into_iter()
            .flat_map(|(pane, label, _, _)| {
                let style = if pane == app.focus {
                    app.theme.tab_focused
                } else {
                    app.theme.muted
                };
                [Span::styled(label, style), Span::raw("│")]
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    }
    for &(pane, rect) in &screen.panes {
        let focused = pane == app.focus && app.overlays.is_empty();
        draw_pane(frame, app, pane, rect, focused);
    }
    status_bar::draw(frame, screen.status, app);
    for overlay in &app.overlays {
        overlays::draw(frame, app, overlay);
    }
    super::input_view::draw(frame, app);
}

fn draw_pane(frame: &mut Frame, app: &App, pane: Pane, rect: Rect, focused: bool) {
    let theme = &app.theme;
    match pane {
        Pane::Articles => article_list_pane::draw(frame, rect, app, focused),
        Pane::Claims => claims_pane::draw(frame, rect, app, focused),
        Pane::Comparison => {
            let (lines, _) = comparison_pane::content(app, super::text_block::inner_width(rect));
            draw_text_pane(
                frame,
                rect,
                &comparison_pane::title(app),
                &lines,
                app.comparison.scroll,
                focused,
                theme,
            )
        }
        Pane::Reader => match app.reader {
            Some(r) => draw_text_pane(
                frame,
                rect,
                &reader_pane::title(&app.doc.corpus.reports[r]),
                &reader_pane::content(app, r),
                app.reader_scroll,
                focused,
                theme,
            ),
            None => draw_text_pane(frame, rect, "Reader", &[], 0, focused, theme),
        },
    }
}
