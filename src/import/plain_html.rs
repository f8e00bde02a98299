//! A page's text without a document tree, for pages an HTML parser would take quadratic time
//! over: tens of thousands of nested elements make every tree-building step walk the stack of
//! open elements. One linear pass: scripts, styles and comments dropped, block elements as
//! line breaks, character references decoded.

/// How deeply elements may nest before a page is read without a tree.
pub const MAX_NESTING: usize = 512;

/// True when elements open more than `limit` deep somewhere in `html` (an estimate: closing
/// tags are matched by count, not by name, which is all a guard needs).
pub fn nests_deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = memchr(b'<', &bytes[i..]) {
        let start = i + at + 1;
        let Some(end) = memchr(b'>', &bytes[start..]).map(|e| start + e) else {
            break;
        };
        let tag = &bytes[start..end];
        match tag.first() {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b)
                if b.is_ascii_alphabetic() && !tag.ends_with(b"/") && !is_void(name_of(tag)) =>
            {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            _ => {}
        }
        i = end + 1;
    }
    false
}

/// The text of `html`, read in one pass.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        push_text(&mut out, &rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(end) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let name = String::from_utf8_lossy(name_of(tag.as_bytes())).to_ascii_lowercase();
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
            // Their content is no text of the page: skip to the closing tag.
            let close = format!("</{name}");
            let lower_at = find_ascii_case_insensitive(rest, &close);
            rest = lower_at.map_or("", |e| &rest[e..]);
            continue;
        }
        if is_block(&name) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    push_text(&mut out, rest);
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        match end.and_then(|e| decode(&rest[1..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode(entity: &str) -> Option<char> {
    if let Some(num) = entity.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match entity {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" | "lsquo" => '\'',
        "ldquo" | "rdquo" => '"',
        "hellip" => '…',
        _ => return None,
    })
}

fn name_of(tag: &[u8]) -> &[u8] {
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .unwrap_or(tag.len());
    &tag[..end]
}

fn is_void(name: &[u8]) -> bool {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param",
    ];
    VOID.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name))
}

fn is_block(name: &str) -> bool {
    let name = name.trim_start_matches('/');
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "tr"
            | "table"
            | "title"
            | "figcaption"
    )
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_noticed_and_read_linearly() {
        let deep = format!(
            "<html><body>{}<p>Three people were killed &amp; two hurt.</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert!(nests_deeper_than(&deep, MAX_NESTING));
        assert_eq!(text_of(&deep), "Three people were killed & two hurt.");
        let flat = "<p>One<br>two<img src=x></p>".repeat(2_000);
        assert!(!nests_deeper_than(&flat, MAX_NESTING));
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let html = "<title>T</title><style>p{}</style><script>var a = '<p>';</script>\
                    <!-- <p>hidden</p> --><p>Seen &#8212; &#x41;&bogus;</p>";
        assert_eq!(text_of(html), "T\n\nSeen — A&bogus;");
    }
}
