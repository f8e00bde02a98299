//! JSON as the command line writes it: written straight to its destination as it is made
//! (so that a large export never sits whole in memory), and inert on a terminal. serde_json
//! escapes the C0 controls; the formatter here also writes DEL, the C1 controls and the
//! bidirectional overrides as `\uXXXX` escapes, which mean the same characters, so the data
//! stays exact and no article text can act on the terminal it is printed to.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// A serde_json formatter that escapes every character [`crate::text::is_unsafe`] names and
/// otherwise formats as `F` does.
pub struct Inert<F>(pub F);

impl<F: Formatter> Formatter for Inert<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Most text is ASCII without DEL: nothing to look for character by character.
        if fragment.bytes().all(|b| b < 0x7f) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| crate::text::is_unsafe(c))
        {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // The rest is the inner formatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Write `value` as JSON to `to`: pretty (two-space indents) or on one line.
pub fn write<T: Serialize + ?Sized, W: Write>(to: W, value: &T, pretty: bool) -> io::Result<()> {
    if pretty {
        let mut ser =
            serde_json::Serializer::with_formatter(to, Inert(PrettyFormatter::with_indent(b"  ")));
        value.serialize(&mut ser).map_err(io::Error::other)
    } else {
        let mut ser = serde_json::Serializer::with_formatter(to, Inert(CompactFormatter));
        value.serialize(&mut ser).map_err(io::Error::other)
    }
}

/// `value` as JSON text (see [`write`]).
pub fn to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let mut bytes = Vec::with_capacity(256);
    match write(&mut bytes, value, pretty) {
        // The formatter writes only whole UTF-8 fragments and ASCII.
        Ok(()) => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        // Every value printed is plain data; say so rather than panic if one is not.
        Err(e) => format!("{{\"error\": \"cannot encode as JSON: {e}\"}}"),
    }
}

/// A writer that puts `indent` after every newline, so that a value written pretty on its
/// own nests inside a document streamed around it. JSON strings hold no raw newline, so every
/// newline is the formatter's.
pub struct Indented<W> {
    inner: W,
    indent: &'static [u8],
}

impl<W: Write> Indented<W> {
    /// Indent what is written to `inner` by `indent`.
    pub fn new(inner: W, indent: &'static [u8]) -> Self {
        Indented { inner, indent }
    }
}

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.inner.write_all(&rest[..=at])?;
            self.inner.write_all(self.indent)?;
            rest = &rest[at + 1..];
        }
        self.inner.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A JSON document streamed as `{"key": [item, item, …], "key2": …}`: each item is written,
/// pretty and indented, as soon as it is made.
pub struct Document<W: Write> {
    to: W,
    /// Whether a key has been opened, and whether its array has an item yet.
    key_open: bool,
    first_item: bool,
    first_key: bool,
}

impl<W: Write> Document<W> {
    /// Start the document on `to`.
    pub fn start(mut to: W) -> io::Result<Self> {
        to.write_all(b"{")?;
        Ok(Document {
            to,
            key_open: false,
            first_item: true,
            first_key: true,
        })
    }

    fn close_array(&mut self) -> io::Result<()> {
        if self.key_open {
            let end: &[u8] = if self.first_item { b"]" } else { b"\n  ]" };
            self.to.write_all(end)?;
            self.key_open = false;
        }
        Ok(())
    }

    fn key(&mut self, key: &str) -> io::Result<()> {
        self.close_array()?;
        let comma: &[u8] = if self.first_key { b"\n  " } else { b",\n  " };
        self.to.write_all(comma)?;
        self.first_key = false;
        write(&mut self.to, key, false)?;
        self.to.write_all(b": ")
    }

    /// Open the array under `key`; items follow.
    pub fn array(&mut self, key: &str) -> io::Result<()> {
        self.key(key)?;
        self.to.write_all(b"[")?;
        self.key_open = true;
        self.first_item = true;
        Ok(())
    }

    /// Write one item of the open array.
    pub fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let comma: &[u8] = if self.first_item {
            b"\n    "
        } else {
            b",\n    "
        };
        self.to.write_all(comma)?;
        self.first_item = false;
        write(Indented::new(&mut self.to, b"    "), value, true)
    }

    /// Write `value` whole under `key`.
    pub fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        write(Indented::new(&mut self.to, b"  "), value, true)
    }

    /// Close the document, and give back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.close_array()?;
        let end: &[u8] = if self.first_key { b"}\n" } else { b"\n}\n" };
        self.to.write_all(end)?;
        Ok(self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_the_data_is_the_same() {
        let value = serde_json::json!({ "t": "a\u{1b}]52;c;x\u{7}b\u{9b}c\u{202e}d\u{7f}é" });
        for pretty in [true, false] {
            let text = to_string(&value, pretty);
            assert!(
                !text.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'),
                "{text}"
            );
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, value);
        }
    }

    #[test]
    fn a_streamed_document_is_the_document_serde_writes() {
        let value = serde_json::json!({
            "claims": [{"a": 1, "b": ["x\ny", 2]}, {"c": {}}],
            "empty": [],
            "reports": [{"id": "r"}],
            "n": 3,
        });
        let mut doc = Document::start(Vec::new()).unwrap();
        doc.array("claims").unwrap();
        for item in value["claims"].as_array().unwrap() {
            doc.item(item).unwrap();
        }
        doc.array("empty").unwrap();
        doc.field("n", &3).unwrap();
        doc.array("reports").unwrap();
        doc.item(&value["reports"][0]).unwrap();
        let text = String::from_utf8(doc.finish().unwrap()).unwrap();
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        // Laid out as serde_json lays it out.
        let mut expected = to_string(&value, true);
        expected.push('\n');
        assert_eq!(text, expected);
    }
}
