//! Everything the command line prints goes through here, so that no article text, id, path or
//! note can send an escape sequence to the terminal: text is sanitised line by line (controls
//! shown as visible symbols), JSON escapes every control character, C1 and bidirectional
//! overrides included (see [`super::json`]), so the data stays exact and inert.

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
    super::json::to_string(value, true)
}

/// Standard output for a stream of records, buffered. A closed pipe ends the program
/// quietly (exit 0), as it ends other Unix tools: `crosscheck extract … | head`.
pub struct Stdout(std::io::BufWriter<std::io::Stdout>);

impl Stdout {
    /// Standard output, with a buffer of 64 KiB.
    pub fn new() -> Self {
        Stdout(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        ))
    }

    /// Flush, ending quietly on a closed pipe.
    pub fn finish(mut self) -> std::io::Result<()> {
        let flushed = self.0.flush();
        quiet_on_closed_pipe(flushed)
    }
}

impl Default for Stdout {
    fn default() -> Self {
        Self::new()
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.0.write(buf);
        if let Err(e) = &written
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            std::process::exit(0);
        }
        written
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let flushed = self.0.flush();
        quiet_on_closed_pipe(flushed)
    }
}

/// `result`, unless it is a closed pipe: then the program ends quietly.
fn quiet_on_closed_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    if let Err(e) = &result
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
    result
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
