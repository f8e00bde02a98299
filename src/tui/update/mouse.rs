//! The mouse on the panes: a click focuses a pane or a tab and selects the article, claim
//! or slot under it; the wheel scrolls the pane under the pointer.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use ratatui::layout::Rect;

use super::fit::{comparison_lines, fit, screen, show_claim_in_reader};
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
            if let Some(area) = screen.area(pane)
                && y > area.y
                && y < area.bottom().saturating_sub(1)
            {
                click_row(app, pane, area, (y - area.y - 1) as usize);
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

/// A click on line `line` (from the top of the pane's inside) of `pane`: select the row
/// there, when there is one.
fn click_row(app: &mut App, pane: Pane, area: Rect, line: usize) {
    match pane {
        Pane::Articles => {
            let list = &mut app.view.list;
            let row = list.offset + line;
            if row < list.rows.len() && row != list.selected {
                list.selected = row;
                after_list_moved(app);
            }
        }
        Pane::Claims => {
            // The pane's last line may be the selected claim's annotation; it is not a row.
            let rows = inner_rows(area, app.annotating());
            let claims = &mut app.view.claims;
            let row = claims.offset + line;
            if line < rows && row < claims.shown.len() && row != claims.selected {
                claims.selected = row;
                show_claim_in_reader(app);
            }
        }
        Pane::Comparison => {
            let (starts, rows, _) = comparison_lines(app, area);
            let at = app.view.comparison.scroll + line;
            // Only a slot's own row selects it; details, the header and the flags do not.
            let hit = rows.iter().position(|&r| {
                let end = starts.get(r + 1).copied().unwrap_or(usize::MAX);
                starts[r] <= at && at < end
            });
            if let Some(slot) = hit {
                let view = &mut app.view.comparison;
                if slot != view.selected {
                    view.selected = slot;
                    view.next_value = 0;
                }
                // Folding the old slot's details may move the new one: fit keeps it on screen.
                view.free = false;
            }
        }
        Pane::Reader => {}
    }
}

/// The claim rows of a claims pane in `area` (its last line shows the selected claim's
/// annotation when there is room, as drawn).
fn inner_rows(area: Rect, annotating: bool) -> usize {
    let full = crate::tui::panes::text_block::inner_height(area);
    full - usize::from(full >= 6 && annotating)
}
