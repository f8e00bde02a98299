//! The frame every window over the panes shares: where it sits and how it says it closes.

use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::config::keymap::Context;

/// " (KEY closes)" with the key that closes a window of text, when one is bound.
pub fn closes(app: &App, context: Context) -> String {
    app.key_hint(context, Action::Back, "closes")
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
