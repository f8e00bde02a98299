//! The log: `crosscheck.log` in the data directory, written off the main thread. A log that
//! cannot be opened means no log, never a failed command, and nothing written to it can act on
//! the terminal of whoever reads it with `tail -f`: article text, ids and paths appear in
//! messages, so every line is sanitised on its way out.

use std::io::Write;

use crate::config::Paths;

/// Log lines queued for the writer thread at most; beyond, lines are dropped, not waited on.
const LINES_QUEUED: usize = 4096;

/// Start logging to the data directory, at the level `CROSSCHECK_LOG` sets (default info).
/// `None`, silently, when the file cannot be opened; keep the guard alive to flush on exit.
pub fn init(paths: &Paths) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    std::fs::create_dir_all(&paths.data_dir).ok()?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(paths.log_file())
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    // The default queue holds 128,000 lines, preallocated: 4 MB a batch filter's budget has
    // no room for, when the log takes a few lines a run.
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .buffered_lines_limit(LINES_QUEUED)
        .finish(Inert(file));
    let filter = tracing_subscriber::EnvFilter::try_from_env("CROSSCHECK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}

/// A writer that lets no control character through but line breaks.
struct Inert<W>(W);

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let clean = crate::text::sanitize_lines(&text);
        // A full disk loses log lines, never the command.
        let _ = self.0.write_all(clean.as_bytes());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lines_are_inert() {
        let mut out = Inert(Vec::new());
        out.write_all(b"opening \x1b]52;c;eA==\x07 x\xc2\x9b1m\n")
            .unwrap();
        let text = String::from_utf8(out.0).unwrap();
        assert!(
            !text.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'),
            "{text:?}"
        );
        assert!(text.ends_with('\n'));
    }
}
