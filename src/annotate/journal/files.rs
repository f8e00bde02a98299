//! The journal's files as bytes: their names, their shapes, reading them back tolerantly, and
//! setting aside what is damaged so that one bad line never blocks the analyst's work.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Entry, FORMAT_VERSION, JournalError};
use crate::annotate::state::Annotations;
use crate::store::{LoadError, MAX_FILE_BYTES, Position, Problem, ProblemKind, Stamp, ron_options};

/// The snapshot file's shape.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Snapshot {
    pub version: u32,
    /// The last entry folded in.
    pub seq: u64,
    pub annotations: Annotations,
    pub log: Vec<Entry>,
}

/// The journal's first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Header {
    pub version: u32,
    /// The snapshot's `seq` when this journal was started; its entries come after.
    pub base: u64,
}

/// The three files beside a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarPaths {
    /// The compacted snapshot.
    pub snapshot: PathBuf,
    /// The append-only journal.
    pub journal: PathBuf,
    /// The lock writers take.
    pub lock: PathBuf,
}

impl SidecarPaths {
    /// The sidecar files of the data file at `data`: `x.ron` → `x.annotations.*`.
    pub fn of(data: &Path) -> Self {
        let stem = match data.extension() {
            Some(ext) if ext == "ron" => data.with_extension(""),
            _ => data.to_path_buf(),
        };
        let with = |suffix: &str| {
            let mut name = stem.file_name().unwrap_or_default().to_os_string();
            name.push(suffix);
            stem.with_file_name(name)
        };
        SidecarPaths {
            snapshot: with(".annotations.ron"),
            journal: with(".annotations.journal"),
            lock: with(".annotations.lock"),
        }
    }

    /// A fresh name beside the journal for damaged lines set aside
    /// (`x.annotations.journal.damaged`, then `.damaged.1`, ...).
    pub fn set_aside(&self) -> PathBuf {
        let base = {
            let mut name = self.journal.file_name().unwrap_or_default().to_os_string();
            name.push(".damaged");
            self.journal.with_file_name(name)
        };
        std::iter::once(base.clone())
            .chain((1..).map(|n| {
                let mut name = base.file_name().unwrap_or_default().to_os_string();
                name.push(format!(".{n}"));
                base.with_file_name(name)
            }))
            .find(|p| !p.exists())
            .unwrap_or(base)
    }
}

/// The journal file's stamp now, `None` when there is none. A compaction by another writer
/// replaces the file, which a reader must notice even if the header looks the same.
pub(super) fn journal_id(path: &Path) -> Result<Option<Stamp>, JournalError> {
    match std::fs::metadata(path) {
        Ok(meta) => Ok(Some(Stamp::of_metadata(&meta))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(JournalError::io("read", path)(e)),
    }
}

/// A complete line of the journal that is not an entry this build can apply.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DamagedLine {
    /// Its line number in the file (from 1), when read from the start.
    pub line: Option<usize>,
    /// Its bytes, newline included.
    pub bytes: Vec<u8>,
    /// Why it was not applied.
    pub why: String,
}

/// What reading the journal found.
#[derive(Debug, Default)]
pub(super) struct Reading {
    /// The header, when read from the start and present.
    pub header: Option<Header>,
    /// The entries, in order, each after the one before.
    pub entries: Vec<Entry>,
    /// Byte offset after the last complete line.
    pub read: u64,
    /// Lines that could not be applied.
    pub damaged: Vec<DamagedLine>,
    /// The file read, when there was one.
    pub id: Option<Stamp>,
}

/// The journal's header and its complete entry lines from byte `from` (0: the whole file).
/// Entries must follow `after` (the last seq already known) and each other; a torn last line is
/// left unread; a complete line that is not such an entry (a run of NUL bytes left by a crash,
/// a duplicate) is reported in `damaged` rather than stopping the read.
pub(super) fn read_journal(path: &Path, from: u64, after: u64) -> Result<Reading, JournalError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Reading::default()),
        Err(e) => return Err(JournalError::io("read", path)(e)),
    };
    let meta = file.metadata().map_err(JournalError::io("read", path))?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return Err(damaged(
            path,
            None,
            "not a journal (not a regular file, or too large)".into(),
        ));
    }
    let id = Stamp::of_metadata(&meta);
    file.seek(SeekFrom::Start(from))
        .map_err(JournalError::io("read", path))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(JournalError::io("read", path))?;
    let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let mut out = Reading {
        read: from + complete as u64,
        id: Some(id),
        ..Reading::default()
    };
    let mut last = after;
    for (i, line) in bytes[..complete]
        .split_inclusive(|b| *b == b'\n')
        .enumerate()
    {
        let number = (from == 0).then_some(i + 1);
        // A writer that seeked past the end (a crash, an old build's race) leaves NUL bytes
        // before a line: they are no part of it.
        let trimmed: &[u8] = {
            let start = line.iter().position(|b| *b != 0).unwrap_or(line.len());
            &line[start..]
        };
        let text = std::str::from_utf8(trimmed).map(|t| t.trim_end_matches('\n'));
        if from == 0 && i == 0 {
            match text
                .map_err(|_| "not UTF-8 text".to_string())
                .and_then(|t| {
                    ron_options()
                        .from_str::<Header>(t)
                        .map_err(|e| e.code.to_string())
                }) {
                Ok(header) if header.version > FORMAT_VERSION => {
                    return Err(newer(path, header.version));
                }
                Ok(header) => out.header = Some(header),
                Err(why) => out.damaged.push(DamagedLine {
                    line: number,
                    bytes: line.to_vec(),
                    why: format!("not a journal header: {why}"),
                }),
            }
            continue;
        }
        let Ok(text) = text else {
            out.damaged.push(DamagedLine {
                line: number,
                bytes: line.to_vec(),
                why: "not UTF-8 text".into(),
            });
            continue;
        };
        if text.trim().is_empty() {
            if trimmed.len() != line.len() {
                out.damaged.push(DamagedLine {
                    line: number,
                    bytes: line.to_vec(),
                    why: "NUL bytes".into(),
                });
            }
            continue;
        }
        match ron_options().from_str::<Entry>(text) {
            Ok(entry) if entry.seq > last => {
                last = entry.seq;
                out.entries.push(entry);
            }
            // Already folded into the snapshot this journal continues (a crash between
            // writing the snapshot and starting the new journal): skipped, not damage.
            Ok(entry) if out.entries.is_empty() && entry.seq <= after => {}
            Ok(entry) => out.damaged.push(DamagedLine {
                line: number,
                bytes: line.to_vec(),
                why: format!("entry {} repeats or goes back (after {last})", entry.seq),
            }),
            Err(e) => out.damaged.push(DamagedLine {
                line: number,
                bytes: line.to_vec(),
                why: format!("entry is damaged: {}", e.code),
            }),
        }
    }
    Ok(out)
}

/// Write the damaged lines to a file of their own beside the journal (fsynced), so that the
/// journal can be rewritten without them and nothing is destroyed. Returns that file.
pub(super) fn set_aside(
    paths: &SidecarPaths,
    lines: &[DamagedLine],
    mode: Option<u32>,
) -> Result<PathBuf, JournalError> {
    let target = paths.set_aside();
    let mut bytes = Vec::new();
    for line in lines {
        bytes.extend_from_slice(&line.bytes);
        if !line.bytes.ends_with(b"\n") {
            bytes.push(b'\n');
        }
    }
    crate::store::replace_file_with_mode(&target, &bytes, mode)
        .map_err(JournalError::io("write", &target))?;
    Ok(target)
}

/// The message a recovery leaves for the analyst.
pub(super) fn recovery_message(
    paths: &SidecarPaths,
    lines: &[DamagedLine],
    aside: &Path,
) -> String {
    let first = &lines[0];
    let at = first.line.map_or_else(String::new, |n| format!(":{n}"));
    format!(
        "{}{at}: {} damaged line(s) ({}) set aside in {}; every entry that could be read was kept",
        paths.journal.display(),
        lines.len(),
        crate::text::sanitize(&first.why),
        aside.display()
    )
}

pub(super) fn one_line<T: Serialize>(value: &T) -> String {
    // Compact RON escapes newlines inside strings, so an entry is always one line.
    ron::to_string(value).expect("journal entries always serialize")
}

pub(super) fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

pub(super) fn damaged(path: &Path, at: Option<Position>, message: String) -> JournalError {
    // Point to a backup only where there is one (the snapshot keeps one; the journal not).
    let backup = crate::store::backup_path(path);
    let help = if backup.exists() {
        format!(
            "this file is written by crosscheck; restore it from {} or version control, or \
             move it aside to start without these annotations",
            backup.display()
        )
    } else {
        "this file is written by crosscheck; restore it from version control, or move it \
         aside to start without these annotations"
            .to_string()
    };
    JournalError::Damaged(LoadError::single(
        path,
        Problem::new(ProblemKind::Syntax, at, message, help),
    ))
}

fn newer(path: &Path, version: u32) -> JournalError {
    JournalError::Damaged(LoadError::single(
        path,
        Problem::new(
            ProblemKind::UnknownVersion,
            None,
            format!(
                "annotation format version {version} is newer than this crosscheck reads ({FORMAT_VERSION})"
            ),
            "update crosscheck to open these annotations",
        ),
    ))
}

pub(super) fn read_snapshot(path: &Path) -> Result<Option<Snapshot>, JournalError> {
    let bytes = match crate::store::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::store::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(crate::store::ReadError::Io(e)) => return Err(JournalError::io("read", path)(e)),
        Err(e) => return Err(damaged(path, None, e.to_string())),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        damaged(
            path,
            None,
            format!("not UTF-8 text (at byte {})", e.utf8_error().valid_up_to()),
        )
    })?;
    let snapshot: Snapshot = ron_options().from_str(&text).map_err(|e| {
        let at = Position {
            line: e.span.start.line,
            col: e.span.start.col,
        };
        damaged(path, Some(at), e.code.to_string())
    })?;
    if snapshot.version > FORMAT_VERSION {
        return Err(newer(path, snapshot.version));
    }
    Ok(Some(snapshot))
}

/// The header of the journal at `path`, `None` when there is none (absent, empty, or torn by
/// a crash before its first entry) or it is damaged (then a full read sets it aside).
pub(super) fn read_header(path: &Path) -> Result<Option<Header>, JournalError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(JournalError::io("read", path)(e)),
    };
    let mut head = [0u8; 128];
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(JournalError::io("read", path)(e)),
        }
    }
    let Some(end) = head[..n].iter().position(|b| *b == b'\n') else {
        return Ok(None);
    };
    let line = std::str::from_utf8(&head[..end]).unwrap_or("");
    match ron_options().from_str::<Header>(line) {
        Ok(h) if h.version > FORMAT_VERSION => Err(newer(path, h.version)),
        Ok(h) => Ok(Some(h)),
        Err(_) => Ok(None),
    }
}
