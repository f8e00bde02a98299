//! What can be wrong with a data file, reported as `file:line:column: what` plus what to do.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a text file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

impl Position {
    /// The position of byte offset `at` in `text` (clamped to the text).
    pub fn of_offset(text: &str, at: usize) -> Position {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line,
            col: 1 + before[line_start..].chars().count(),
        }
    }

    /// Position of byte offset `at` in raw bytes that may not be UTF-8 up to there.
    pub fn of_byte_offset(bytes: &[u8], at: usize) -> Position {
        let before = &bytes[..at.min(bytes.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let col = 1 + String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count();
        Position { line, col }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// The kinds of problem a data file can have; tests and tools match on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file does not exist.
    Missing,
    /// The file exists but cannot be read.
    Unreadable,
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The text is not valid RON, or not the shape of a data file.
    Syntax,
    /// The `version` is one this build does not know.
    UnknownVersion,
    /// Two incidents, or two reports, share an id.
    DuplicateId,
    /// A report names an incident the file does not have.
    DanglingReference,
    /// A value is present but not acceptable (an empty id, an empty body…).
    InvalidValue,
}

/// One problem found in a file: where, what, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What sort of problem it is.
    pub kind: ProblemKind,
    /// Where it applies, when it applies to a place in the file.
    pub at: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl Problem {
    /// A problem of `kind` at `at`.
    pub fn new(
        kind: ProblemKind,
        at: Option<Position>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Problem {
            kind,
            at,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// Why a file could not be loaded: every problem found in it. The file itself is never changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user named it.
    pub path: PathBuf,
    /// What was found, in file order where positions are known.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// A load error with one problem.
    pub fn single(path: &Path, problem: Problem) -> Self {
        LoadError {
            path: path.to_path_buf(),
            problems: vec![problem],
        }
    }

    /// The kinds of the problems, in order.
    pub fn kinds(&self) -> Vec<ProblemKind> {
        self.problems.iter().map(|p| p.kind).collect()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        for problem in &self.problems {
            match problem.at {
                Some(at) => writeln!(f, "error: {path}:{at}: {}", problem.message)?,
                None => writeln!(f, "error: {path}: {}", problem.message)?,
            }
            writeln!(f, "  help: {}", problem.help)?;
        }
        let n = self.problems.len();
        let found = if n == 1 {
            "1 problem".to_string()
        } else {
            format!("{n} problems")
        };
        write!(f, "{found} in {path}; the file was not changed.")
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\n“c”d\n";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, col: 1 });
        assert_eq!(Position::of_offset(text, 3), Position { line: 2, col: 1 });
        // "“c”" is 7 bytes but 3 characters.
        assert_eq!(Position::of_offset(text, 10), Position { line: 2, col: 4 });
        assert_eq!(
            Position::of_byte_offset(b"a\n\xffb", 2),
            Position { line: 2, col: 1 }
        );
    }

    #[test]
    fn display_names_file_place_and_help() {
        let err = LoadError::single(
            Path::new("x.ron"),
            Problem::new(
                ProblemKind::Syntax,
                Some(Position { line: 3, col: 7 }),
                "bad",
                "fix it",
            ),
        );
        assert_eq!(
            err.to_string(),
            "error: x.ron:3:7: bad\n  help: fix it\n1 problem in x.ron; the file was not changed."
        );
    }
}
