//! The mouse on the panes: a click focuses a pane or a tab and selects an article; the
//! wheel scrolls the pane under the pointer.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::fit::{fit, screen};
use super::navigation::{after_list_moved, move_in};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::panes::layout::tab_spans;

/// Lines the mouse wheel scrolls text panes by.
const WHEEL_LINES: usize = 3;

/// Handle a mouse event on the panes (no window over them). True when the screen needs
/// drawing again.
pub fn handle(app: &mut App, mouse: MouseEvent) -> bool {
    let screen = screen(app);
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some(tabs) = screen.tabs
                && y == tabs.y
            {
                let Some((pane, ..)) = tab_spans(&screen.cycle, tabs)
                    .into_iter()
                    .find(|t| x >= t.2 && x < t.3)
                else {
                    return false;
                };
                app.view.focus = pane;
                fit(app);
                return true;
            }
            let Some(pane) = screen.pane_at(x, y) else {
                return false;
            };
            app.view.focus = pane;
            if pane == Pane::Articles
                && let Some(area) = screen.area(pane)
                && y > area.y
                && y < area.bottom().saturating_sub(1)
            {
                let list = &mut app.view.list;
                let row = list.offset + (y - area.y - 1) as usize;
                if row < list.rows.len() && row != list.selected {
                    list.selected = row;
                    after_list_moved(app);
                }
            }
            fit(app);
            true
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let Some(pane) = screen.pane_at(x, y) else {
                return false;
            };
            let action = if mouse.kind == MouseEventKind::ScrollDown {
                Action::MoveDown
            } else {
                Action::MoveUp
            };
            let times = if pane == Pane::Articles {
                1
            } else {
                WHEEL_LINES
            };
            for _ in 0..times {
                move_in(app, pane, action);
            }
            fit(app);
            true
        }
        _ => false,
    }
}
