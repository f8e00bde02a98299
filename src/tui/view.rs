//! Drawing the screen: a pure function of the app — the tabs or panes the layout gives,
//! the status bar, then the layers over them, bottom first. No I/O, no work that grows with
//! the corpus.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::panes::layout::{MIN_SIZE, layout_zoomed, tab_spans};
use crate::tui::panes::{draw_pane, status_bar};

/// Draw the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let view = &app.view;
    let theme = &app.config.theme;
    let screen = layout_zoomed(area, view.focus, view.reader_shown(), view.zoomed);
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
    // Over everything: a message is read once, whatever it covers.
    if let Some(message) = &view.status
        && screen.status.y > area.y
    {
        let line = Rect {
            y: screen.status.y - 1,
            height: 1,
            ..screen.status
        };
        status_bar::draw_message(frame, line, message, app);
    }
}
