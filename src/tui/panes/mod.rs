//! Drawing: a pure function of the app. No I/O, no work that grows with the corpus. One file
//! per pane, with the layout and the text helpers they share; the layers over the panes are
//! drawn by [`crate::tui::layers`].

pub mod article_list;
pub mod claims;
pub mod comparison;
pub mod describe;
pub mod layout;
pub mod matrix;
pub mod reader;
pub mod status_bar;
pub mod text_block;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::app::{App, Pane};
use text_block::draw_text_pane;

/// Draw `pane` into `rect`.
pub fn draw_pane(frame: &mut Frame, app: &App, pane: Pane, rect: Rect, focused: bool) {
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
