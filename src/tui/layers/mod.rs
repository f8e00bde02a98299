//! Drawing the layers over the panes: help and notices, two reports side by side, and the
//! windows that take text.

pub mod inputs;
pub mod overlays;
pub mod queue;
pub mod side_by_side;
pub mod sources;
pub mod timeline;
pub mod window;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::text::sanitize;
use crate::tui::app::{App, Layer};
use crate::tui::panes::text_block::{content_height, inner_width};

/// Draw `layer` over what is below it.
pub fn draw(frame: &mut Frame, app: &App, layer: &Layer) {
    match layer {
        Layer::Help { .. } | Layer::Notice { .. } => overlays::draw(frame, app, layer),
        Layer::SideBySide {
            left,
            right,
            rows,
            scroll,
        } => side_by_side::draw(frame, app, (*left, *right), rows, *scroll),
        Layer::Sources { selected, scroll } => sources::draw(frame, app, *selected, *scroll),
        Layer::Timeline { scroll } => timeline::draw(frame, app, *scroll),
        Layer::Queue(q) => queue::draw(frame, app, q),
        // Visual mode is drawn by the reader, as its selection.
        Layer::Visual { .. } => {}
        _ => inputs::draw(frame, app, layer),
    }
}

/// The lines a window over the panes shows, for scroll limits.
pub fn content_len(app: &App, layer: &Layer, screen: Rect) -> usize {
    let area = window::centered(screen);
    match layer {
        Layer::Help { shown, .. } => {
            content_height(&overlays::help_lines(app, layer, shown.as_ref()), area)
        }
        Layer::SideBySide {
            left, right, rows, ..
        } => {
            let inner = inner_width(side_by_side::area(screen));
            side_by_side::lines(app, (*left, *right), rows, inner).len()
        }
        Layer::Timeline { .. } => {
            content_height(&timeline::lines(app), timeline::areas(app, screen).1)
        }
        Layer::Notice { lines, .. } => {
            let lines: Vec<Line> = lines
                .iter()
                .map(|l| Line::raw(sanitize(l).into_owned()))
                .collect();
            content_height(&lines, area)
        }
        _ => 0,
    }
}
