//! Scrollable blocks of styled text: wrapping styled lines to a width and drawing the visible
//! window of them in a bordered pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph};

use crate::text;
use crate::tui::config::theme::Theme;

/// Wrap styled lines to `width` cells, keeping each span's style across breaks.
/// Span contents must already be sanitised (see [`crate::text::sanitize`]).
pub fn wrap_lines(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let mut joined = String::new();
        let mut bounds: Vec<(usize, usize, Style)> = Vec::with_capacity(line.spans.len());
        for span in &line.spans {
            let start = joined.len();
            joined.push_str(&span.content);
            bounds.push((start, joined.len(), span.style));
        }
        for range in text::wrap(&joined, width as usize) {
            let spans: Vec<Span<'static>> = bounds
                .iter()
                .filter_map(|&(start, end, style)| {
                    let (s, e) = (start.max(range.start), end.min(range.end));
                    (s < e).then(|| Span::styled(joined[s..e].to_string(), style))
                })
                .collect();
            out.push(Line::from(spans).style(line.style));
        }
    }
    out
}

/// A pane's frame: its title, and a border that shows focus by shape as well as colour.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    let (border, title_style, kind) = if focused {
        (theme.border_focused, theme.title_focused, BorderType::Thick)
    } else {
        (theme.border, theme.title, BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(title.style(title_style))
}

/// Number of lines the block's content takes at the inner width of `area`.
pub fn content_height(lines: &[Line<'_>], area: Rect) -> usize {
    wrap_lines(lines, inner_width(area)).len()
}

/// Lines visible at once in a bordered `area`.
pub fn inner_height(area: Rect) -> usize {
    area.height.saturating_sub(2) as usize
}

/// Text panes keep one blank column inside each border, so text never touches the frame.
pub fn inner_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).max(1)
}

/// Draw `lines` wrapped inside a bordered pane, from line `scroll`, with the position shown in
/// the title when the content does not fit.
pub fn draw_text_pane(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: &[Line<'_>],
    scroll: usize,
    focused: bool,
    theme: &Theme,
) {
    let wrapped = wrap_lines(lines, inner_width(area));
    let height = inner_height(area);
    let scroll = scroll.min(wrapped.len().saturating_sub(height));
    let mut heading = format!(" {} ", text::sanitize(title));
    if wrapped.len() > height && height > 0 {
        let last = (scroll + height).min(wrapped.len());
        heading.push_str(&format!("{}-{}/{} ", scroll + 1, last, wrapped.len()));
    }
    let block = pane_block(Line::from(heading), focused, theme).padding(Padding::horizontal(1));
    let visible: Vec<Line> = wrapped.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible).style(theme.text).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Stylize;

    #[test]
    fn styles_survive_wrapping() {
        let line = Line::from(vec!["Outlet: ".blue(), "Taipei Times".magenta()]);
        let wrapped = wrap_lines(&[line], 10);
        let texts: Vec<String> = wrapped
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        assert_eq!(texts, ["Outlet:", "Taipei", "Times"]);
        assert_eq!(wrapped[1].spans[0].style, Style::new().magenta());
    }
}
