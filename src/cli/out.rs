//! Everything the command line prints goes through here, so that no article text, id, path or
//! note can send an escape sequence to the terminal: text is sanitised line by line (controls
//! shown as visible symbols), JSON escapes every control character, C1 and bidirectional
//! overrides included, so the data stays exact and inert.

use std::io::Write;

use serde::Serialize;

/// Print `text` and a newline on standard output, sanitised.
pub fn line(text: &str) {
    write(&mut std::io::stdout().lock(), text, true);
}

/// Print `text` on standard output as it is laid out (several lines), sanitised.
pub fn block(text: &str) {
    write(&mut std::io::stdout().lock(), text, false);
}

/// Print `text` and a newline on standard error, sanitised.
pub fn to_stderr(text: &str) {
    write(&mut std::io::stderr().lock(), text, true);
}

fn write(to: &mut impl Write, text: &str, newline: bool) {
    let mut clean = crate::text::sanitize_lines(text);
    if newline {
        clean.push('\n');
    }
    // A closed pipe (`| head`) ends the program quietly; nothing else can fail here that the
    // user could act on.
    if let Err(e) = to.write_all(clean.as_bytes())
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// `value` as pretty JSON in which no character can act on a terminal.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|e| {
        // Every value printed is plain data; say so rather than panic if one is not.
        format!("{{\"error\": \"cannot encode as JSON: {e}\"}}")
    });
    escape_json(text)
}

/// JSON text with the controls serde_json leaves as they are (DEL, C1) and the bidirectional
/// overrides written as `\uXXXX` escapes. They can only occur inside strings, where the escape
/// means the same character.
pub fn escape_json(text: String) -> String {
    if !text.chars().any(crate::text::is_unsafe) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if crate::text::is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Print a line on standard output, sanitised (`println!` for untrusted text).
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::out::line(&format!($($arg)*))
    };
}

/// Print text on standard output, sanitised, without a newline added (`print!`).
macro_rules! say_block {
    ($($arg:tt)*) => {
        $crate::cli::out::block(&format!($($arg)*))
    };
}

/// Print a line on standard error, sanitised (`eprintln!` for untrusted text).
macro_rules! tell {
    ($($arg:tt)*) => {
        $crate::cli::out::to_stderr(&format!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_every_control_and_stays_the_same_data() {
        let value = serde_json::json!({ "t": "a\u{1b}]52;c;x\u{7}b\u{9b}c\u{202e}d\u{7f}" });
        let text = json(&value);
        assert!(
            !text.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
