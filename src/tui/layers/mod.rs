//! Drawing the layers over the panes: help and notices, two reports side by side, and the
//! windows that take text.

pub mod inputs;
pub mod overlays;
pub mod queue;
pub mod side_by_side;
pub mod sources;
pub mod timeline;

use ratatui::Frame;

use crate::tui::app::{App, Layer};

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
