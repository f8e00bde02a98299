//! Text for the screen: untrusted article text made safe to print, display widths, wrapping.
//!
//! Article bodies come from anywhere. A stray ESC or CSI byte sent to a terminal can move the
//! cursor, change colours or worse, so every control character is shown as a visible symbol
//! instead. Widths are terminal cells (unicode-width), never bytes or chars.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// Cells a tab stands for.
pub const TAB_WIDTH: usize = 4;

/// Characters that must never reach a terminal as they are: C0 and C1 controls, DEL, and the
/// bidirectional embeddings/overrides/isolates that can make shown text differ from stored text.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for an unsafe character: the Unicode control pictures (␛ for ESC,
/// ␀ for NUL, ␡ for DEL), and U+FFFD for the rest.
fn stand_in(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// One line of untrusted text made safe to print: newlines become spaces, tabs spaces, and
/// other control characters visible symbols. Borrows when nothing needed changing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push(' '),
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            c if is_unsafe(c) => out.push(stand_in(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// What an I/O error says, without the "(os error N)" the standard library appends: messages
/// name the file and the reason once.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text,
    }
}

/// Untrusted multi-line text made safe to print: each line sanitised, line breaks kept.
pub fn sanitize_lines(s: &str) -> String {
    s.split('\n').map(sanitize).collect::<Vec<_>>().join("\n")
}

/// `s` with its first letter upper case ("shooting" → "Shooting").
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Cells one character takes once sanitised.
pub fn char_width(c: char) -> usize {
    match c {
        '\t' => TAB_WIDTH,
        '\n' => 1,
        c if is_unsafe(c) => 1,
        c => c.width().unwrap_or(0),
    }
}

/// Cells a string takes once sanitised.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` sanitised and cut to at most `max` cells, ending in `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    let clean = sanitize(s);
    if width(&clean) <= max {
        return clean.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in clean.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Word-wrap `text` to `max` cells a line. Returns byte ranges into `text`, one per screen line,
/// so callers can map positions (a claim's span) to lines. Hard line breaks are kept; a
/// trailing `\r` is dropped; words wider than a line are split between graphemes.
pub fn wrap(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for hard in text.split('\n') {
        let end = start + hard.len();
        let trimmed_end = if hard.ends_with('\r') { end - 1 } else { end };
        wrap_line(text, start..trimmed_end, max, &mut lines);
        start = end + 1;
    }
    lines
}

/// Maximal runs of whitespace and of non-whitespace, with their byte offsets: lines break only
/// between runs, so "(headline" or "U.S.-backed" never split at punctuation.
fn runs(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = line.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = rest.next()?;
        let blank = first.is_whitespace();
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = rest.peek() {
            if c.is_whitespace() != blank {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &line[start..end]))
    })
}

fn wrap_line(text: &str, range: Range<usize>, max: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[range.clone()];
    if line.is_empty() {
        out.push(range.start..range.start);
        return;
    }
    let base = range.start;
    let mut line_start = 0; // relative to `line`
    let mut line_end = 0; // end of the last word placed on the current line
    let mut used = 0;
    for (at, word) in runs(line) {
        let w = width(word);
        let blank = word.chars().all(char::is_whitespace);
        if used + w <= max {
            if !(blank && used == 0 && at > 0 && line_start == at) {
                used += w;
                if !blank {
                    line_end = at + word.len();
                }
            } else {
                // Leading blank on a continuation line: skip it.
                line_start = at + word.len();
                line_end = line_start;
            }
            continue;
        }
        if blank {
            // The break falls on a space: end the line here and drop the space.
            out.push(base + line_start..base + line_end);
            line_start = at + word.len();
            line_end = line_start;
            used = 0;
            continue;
        }
        if used > 0 {
            out.push(base + line_start..base + line_end);
        }
        // The word itself may be wider than a line: split it between graphemes.
        let mut piece_start = at;
        let mut piece_used = 0;
        for (g_at, g) in word.grapheme_indices(true) {
            let gw = width(g);
            if piece_used + gw > max && piece_used > 0 {
                out.push(base + piece_start..base + at + g_at);
                piece_start = at + g_at;
                piece_used = 0;
            }
            piece_used += gw;
        }
        line_start = piece_start;
        line_end = at + word.len();
        used = piece_used;
    }
    out.push(base + line_start..base + line_end.max(line_start));
}

/// An id made of the first `max_words` words of `text`, lowercased and joined by hyphens
/// ("Shooting in Dayton" → "shooting-in-dayton"); "report" when it has none.
pub fn slug(text: &str, max_words: usize) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .map(str::to_lowercase)
        .collect();
    let s = words.join("-");
    if s.is_empty() {
        "report".to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{9b}y\u{7f}"), "x\u{fffd}y\u{2421}");
        assert_eq!(sanitize("evil\u{202e}txt"), "evil\u{fffd}txt");
        assert!(matches!(sanitize("“curly” – fine"), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\tb\nc"), "a    b c");
    }

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("\u{1b}"), 1);
        assert_eq!(fit("日本語のテキスト", 7), "日本語…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("\u{1b}[2J", 10), "\u{241b}[2J");
    }

    #[test]
    fn wraps_at_spaces_and_keeps_hard_breaks() {
        assert_eq!(
            wrapped("the quick brown fox", 10),
            ["the quick", "brown fox"]
        );
        assert_eq!(wrapped("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrapped("line\r\nnext", 10), ["line", "next"]);
        assert_eq!(wrapped("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrapped("日本語テキスト", 5), ["日本", "語テ", "キス", "ト"]);
        assert_eq!(
            wrapped("see (headline inferred)", 12),
            ["see", "(headline", "inferred)"]
        );
    }

    #[test]
    fn wrapped_lines_fit_and_cover_every_word() {
        let text = "At least 35 Egyptian policemen perished Friday in an Islamist ambush \
                    in the western desert, southwest of Cairo.";
        for max in 1..60 {
            let lines = wrapped(text, max);
            assert!(
                lines.iter().all(|l| width(l) <= max),
                "width {max}: {lines:?}"
            );
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }
}
