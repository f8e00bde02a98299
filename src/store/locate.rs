//! Finds where a value sits in RON source text, by path (`reports[3].incidents[1]`).
//!
//! `ron` reports positions for syntax errors only; problems found after parsing (a duplicate id,
//! a dangling reference) need the line and column of the value too. This walks the already valid
//! source once and records the byte offset where each value starts.

use std::collections::HashMap;

/// Byte offsets of the values in a RON text, keyed by path: `field`, `list[2]`, `map.key`.
///
/// A variant records where its name starts (`outlet` at `Stated("AFP")`); tuple elements are
/// indexed like list items (`outlet[0]` is the string).
#[derive(Debug, Default)]
pub struct ValueIndex {
    offsets: HashMap<String, usize>,
}

impl ValueIndex {
    /// Index every value of `src`. Stops quietly at anything it does not understand: the
    /// result then lacks positions after that point, which only makes messages less precise.
    pub fn build(src: &str) -> Self {
        let mut walker = Walker {
            src: src.as_bytes(),
            pos: 0,
            index: ValueIndex::default(),
        };
        walker.skip_trivia();
        walker.value(String::new());
        walker.index
    }

    /// The byte offset where the value at `path` starts.
    pub fn offset(&self, path: &str) -> Option<usize> {
        self.offsets.get(path).copied()
    }
}

struct Walker<'a> {
    src: &'a [u8],
    pos: usize,
    index: ValueIndex,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.src.get(self.pos + 1) == Some(&b'*') => self.block_comment(),
                // `#![enable(...)]` attributes at the top of the file.
                Some(b'#') if self.src.get(self.pos + 1) == Some(&b'!') => {
                    while self.peek().is_some_and(|b| b != b']') {
                        self.pos += 1;
                    }
                    self.pos += 1;
                }
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.src.len() {
            if self.src[self.pos..].starts_with(b"/*") {
                depth += 1;
                self.pos += 2;
            } else if self.src[self.pos..].starts_with(b"*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.pos += 1;
            }
        }
    }

    fn record(&mut self, path: &str, at: usize) {
        self.index.offsets.entry(path.to_string()).or_insert(at);
    }

    fn eat(&mut self, b: u8) -> bool {
        self.skip_trivia();
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Parse one value at the cursor, recording it (and its parts) under `path`.
    /// Returns false when the text is not understood.
    fn value(&mut self, path: String) -> bool {
        self.skip_trivia();
        let start = self.pos;
        self.record(&path, start);
        match self.peek() {
            Some(b'(') => {
                self.pos += 1;
                self.paren_body(&path)
            }
            Some(b'[') => {
                self.pos += 1;
                self.seq_body(&path, b']')
            }
            Some(b'{') => {
                self.pos += 1;
                self.map_body(&path)
            }
            Some(b'"') => self.string().is_some(),
            Some(b'\'') => self.char_literal(),
            Some(b'r') if matches!(self.src.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.string().is_some()
            }
            Some(b'b') if self.src.get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.string().is_some()
            }
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    self.paren_body(&path)
                } else {
                    true
                }
            }
            Some(b) if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.') => {
                while self.peek().is_some_and(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.' | b'_')
                }) {
                    self.pos += 1;
                }
                true
            }
            _ => false,
        }
    }

    /// After `(`: a struct (`name: value, ...`) or a tuple (`value, ...`).
    fn paren_body(&mut self, path: &str) -> bool {
        self.skip_trivia();
        let save = self.pos;
        let is_struct = self.ident().is_some() && self.eat(b':');
        self.pos = save;
        if !is_struct {
            return self.seq_body(path, b')');
        }
        loop {
            if self.eat(b')') {
                return true;
            }
            self.skip_trivia();
            let Some(name) = self.ident() else {
                return false;
            };
            if !self.eat(b':') {
                return false;
            }
            let child = if path.is_empty() {
                name
            } else {
                format!("{path}.{name}")
            };
            if !self.value(child) {
                return false;
            }
            if !self.eat(b',') {
                return self.eat(b')');
            }
        }
    }

    fn seq_body(&mut self, path: &str, close: u8) -> bool {
        let mut i = 0;
        loop {
            if self.eat(close) {
                return true;
            }
            if !self.value(format!("{path}[{i}]")) {
                return false;
            }
            i += 1;
            if !self.eat(b',') {
                return self.eat(close);
            }
        }
    }

    fn map_body(&mut self, path: &str) -> bool {
        loop {
            if self.eat(b'}') {
                return true;
            }
            self.skip_trivia();
            let key = match self.peek() {
                Some(b'"' | b'r') => match self.string() {
                    Some(k) => k,
                    None => return false,
                },
                _ => {
                    let start = self.pos;
                    if !self.value(String::from("_")) {
                        return false;
                    }
                    String::from_utf8_lossy(&self.src[start..self.pos]).into_owned()
                }
            };
            if !self.eat(b':') {
                return false;
            }
            let child = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            if !self.value(child) {
                return false;
            }
            if !self.eat(b',') {
                return self.eat(b'}');
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        if self.src[self.pos..].starts_with(b"r#") {
            self.pos += 2;
        }
        let body = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'+'))
        {
            self.pos += 1;
        }
        if self.pos == body {
            self.pos = start;
            return None;
        }
        Some(String::from_utf8_lossy(&self.src[body..self.pos]).into_owned())
    }

    /// A string literal, plain or raw; returns its contents (escapes left as written, which is
    /// enough for the keys we look up).
    fn string(&mut self) -> Option<String> {
        if self.peek() == Some(b'r') {
            self.pos += 1;
            let mut hashes = 0;
            while self.peek() == Some(b'#') {
                hashes += 1;
                self.pos += 1;
            }
            if self.peek() != Some(b'"') {
                return None;
            }
            self.pos += 1;
            let start = self.pos;
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            while self.pos < self.src.len() {
                if self.src[self.pos..].starts_with(&close) {
                    let text = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
                    self.pos += close.len();
                    return Some(text);
                }
                self.pos += 1;
            }
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    let text = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
                    self.pos += 1;
                    return Some(text);
                }
                _ => self.pos += 1,
            }
        }
        None
    }

    fn char_literal(&mut self) -> bool {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'\'' => return true,
                _ => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"#![enable(implicit_some)]
// a comment with "quotes" and ( parens
(
    version: 1, /* nested /* block */ comment */
    incidents: [(id: "a", title: "A"), (id: "b", title: r#"B "quoted""#)],
    reports: [
        (
            id: "r1",
            outlet: Stated("AFP"),
            published: Inferred(value: "2017-10-21", why: "text"),
            incidents: ["a", "zz"],
            body: "x\"y",
        ),
    ],
    map: {"j": "move_down", "?": "help"},
)"##;

    fn at(path: &str) -> &str {
        let index = ValueIndex::build(SRC);
        let offset = index
            .offset(path)
            .unwrap_or_else(|| panic!("{path} not found"));
        &SRC[offset..offset + SRC[offset..].find([',', ')', ']', '}', '\n']).unwrap()]
    }

    #[test]
    fn finds_fields_list_items_and_map_entries() {
        assert_eq!(at("version"), "1");
        assert_eq!(at("incidents[1].id"), "\"b\"");
        assert_eq!(at("reports[0].id"), "\"r1\"");
        assert_eq!(at("reports[0].incidents[1]"), "\"zz\"");
        assert_eq!(at("reports[0].outlet"), "Stated(\"AFP\"");
        assert_eq!(at("reports[0].published.why"), "\"text\"");
        assert_eq!(at("reports[0].outlet[0]"), "\"AFP\"");
        assert_eq!(at("map.?"), "\"help\"");
    }

    #[test]
    fn survives_garbage() {
        for src in [
            "",
            "(",
            "(a: [1, 2",
            "\"open",
            "r#\"x",
            "{1: }",
            "(a: b(c: 'x",
        ] {
            let _ = ValueIndex::build(src);
        }
    }
}
