//! Drawing the layers over the panes: help and notices, two reports side by side, and the
//! windows that take text.

pub mod inputs;
pub mod overlays;
pub mod side_by_side;

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
        // Visual mode is drawn by the reader, as its selection.
        Layer::Visual { .. } => {}
        _ => inputs::draw(frame, app, layer),
    }
}
