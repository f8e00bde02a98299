//! Where each pane goes for a terminal size. Pure, so drawing and mouse handling agree.
//!
//! Layouts degrade by width and height: three columns on wide terminals, a list beside stacked
//! panes on medium ones, and one pane at a time with a tab strip on small ones.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::text;
use crate::tui::app::{Pane, ReaderShown};

/// Smallest terminal the panes are drawn in; below it a one-line notice is shown.
pub const MIN_SIZE: (u16, u16) = (30, 8);
/// Below this width or height only the focused pane is shown.
pub const COMPACT_BELOW: (u16, u16) = (70, 16);
/// From this width the panes sit in three columns.
pub const WIDE_FROM: u16 = 140;

/// The placement of everything on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLayout {
    /// Panes on screen with their areas.
    pub panes: Vec<(Pane, Rect)>,
    /// The panes Tab cycles through, in order (in the one-pane layout, all of them).
    pub cycle: Vec<Pane>,
    /// The tab strip of the one-pane layout.
    pub tabs: Option<Rect>,
    /// The status bar.
    pub status: Rect,
    /// True when the terminal is below [`MIN_SIZE`].
    pub too_small: bool,
}

impl ScreenLayout {
    /// The area of `pane`, if it is on screen.
    pub fn area(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The pane at a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let pos = ratatui::layout::Position { x, y };
        self.panes
            .iter()
            .find(|(_, r)| r.contains(pos))
            .map(|(p, _)| *p)
    }
}

/// Lay out a screen of `area` with `focus` focused, the reader open or not, and the focused
/// pane zoomed to fill the screen or not.
pub fn layout_zoomed(area: Rect, focus: Pane, reader: ReaderShown, zoomed: bool) -> ScreenLayout {
    let mut screen = layout(area, focus, reader);
    if zoomed && !screen.too_small && screen.tabs.is_none() && screen.cycle.contains(&focus) {
        let [body, _] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        screen.panes = vec![(focus, body)];
    }
    screen
}

/// Lay out a screen of `area` with `focus` focused and the reader shown as `reader` says.
pub fn layout(area: Rect, focus: Pane, reader: ReaderShown) -> ScreenLayout {
    let reader_open = reader != ReaderShown::Closed;
    let too_small = area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1;
    let [body, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let mut all = vec![Pane::Articles];
    if reader_open {
        all.push(Pane::Reader);
    }
    all.extend([Pane::Claims, Pane::Comparison]);
    if too_small {
        return ScreenLayout {
            panes: Vec::new(),
            cycle: all,
            tabs: None,
            status,
            too_small,
        };
    }

    if area.width < COMPACT_BELOW.0 || area.height < COMPACT_BELOW.1 {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
        let shown = if all.contains(&focus) {
            focus
        } else {
            Pane::Articles
        };
        return ScreenLayout {
            panes: vec![(shown, pane)],
            cycle: all,
            tabs: Some(tabs),
            status,
            too_small,
        };
    }

    let panes = if area.width >= WIDE_FROM {
        if reader_open {
            let [list, reader, side] = Layout::horizontal([
                Constraint::Percentage(25),
                Constraint::Percentage(45),
                Constraint::Percentage(30),
            ])
            .areas(body);
            let [claims, comparison] = halves_vertical(side);
            vec![
                (Pane::Articles, list),
                (Pane::Reader, reader),
                (Pane::Claims, claims),
                (Pane::Comparison, comparison),
            ]
        } else {
            let [list, claims, comparison] = Layout::horizontal([
                Constraint::Percentage(30),
                Constraint::Percentage(35),
                Constraint::Percentage(35),
            ])
            .areas(body);
            vec![
                (Pane::Articles, list),
                (Pane::Claims, claims),
                (Pane::Comparison, comparison),
            ]
        }
    } else {
        let [list, side] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(body);
        if reader == ReaderShown::BesideComparison {
            // The reader above the comparison it was opened from, so walking a slot's values
            // shows each in its text with the slot in view.
            let [articles, claims] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                    .areas(list);
            let [reader, comparison] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(side);
            vec![
                (Pane::Articles, articles),
                (Pane::Claims, claims),
                (Pane::Reader, reader),
                (Pane::Comparison, comparison),
            ]
        } else if reader_open {
            // The reader takes the right; articles above claims on the left, so moving
            // through claims shows each one in the text.
            let [articles, claims] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                    .areas(list);
            vec![
                (Pane::Articles, articles),
                (Pane::Claims, claims),
                (Pane::Reader, side),
            ]
        } else {
            let [claims, comparison] = halves_vertical(side);
            vec![
                (Pane::Articles, list),
                (Pane::Claims, claims),
                (Pane::Comparison, comparison),
            ]
        }
    };
    let cycle = panes.iter().map(|(p, _)| *p).collect();
    ScreenLayout {
        panes,
        cycle,
        tabs: None,
        status,
        too_small,
    }
}

fn halves_vertical(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
}

/// The tab strip's labels and the columns each one covers, for drawing and for clicks.
pub fn tab_spans(cycle: &[Pane], area: Rect) -> Vec<(Pane, String, u16, u16)> {
    let mut x = area.x;
    let mut spans = Vec::new();
    for pane in cycle {
        let label = format!(" {} ", pane.title());
        let w = text::width(&label) as u16;
        let end = x.saturating_add(w).min(area.right());
        spans.push((*pane, label, x, end));
        x = end.saturating_add(1);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panes(w: u16, h: u16, reader: bool) -> Vec<Pane> {
        let reader = if reader {
            ReaderShown::Open
        } else {
            ReaderShown::Closed
        };
        layout(Rect::new(0, 0, w, h), Pane::Articles, reader)
            .panes
            .iter()
            .map(|(p, _)| *p)
            .collect()
    }

    #[test]
    fn layouts_degrade_with_size() {
        use Pane::*;
        assert_eq!(panes(200, 60, false), [Articles, Claims, Comparison]);
        assert_eq!(panes(200, 60, true), [Articles, Reader, Claims, Comparison]);
        assert_eq!(panes(80, 24, false), [Articles, Claims, Comparison]);
        assert_eq!(panes(80, 24, true), [Articles, Claims, Reader]);
        assert_eq!(panes(40, 12, true), [Articles]);
        assert!(layout(Rect::new(0, 0, 20, 5), Articles, ReaderShown::Closed).too_small);
        let beside = layout(
            Rect::new(0, 0, 80, 24),
            Comparison,
            ReaderShown::BesideComparison,
        );
        let beside: Vec<Pane> = beside.panes.iter().map(|(p, _)| *p).collect();
        assert_eq!(beside, [Articles, Claims, Reader, Comparison]);
    }

    #[test]
    fn panes_never_overlap_or_leave_the_screen() {
        for (w, h) in [
            (30, 8),
            (40, 12),
            (69, 15),
            (70, 16),
            (80, 24),
            (139, 40),
            (200, 60),
            (400, 100),
        ] {
            for reader in [
                ReaderShown::Closed,
                ReaderShown::Open,
                ReaderShown::BesideComparison,
            ] {
                let area = Rect::new(0, 0, w, h);
                let l = layout(area, Pane::Articles, reader);
                for (i, (_, a)) in l.panes.iter().enumerate() {
                    assert!(area.contains((a.x, a.y).into()) && a.right() <= w && a.bottom() < h);
                    for (_, b) in &l.panes[i + 1..] {
                        assert!(!a.intersects(*b), "{w}x{h}: {a:?} {b:?}");
                    }
                }
            }
        }
    }
}
