//! Where annotations live on disk, and how they get there without ever being lost.
//!
//! Beside a data file `x.ron` sit three files:
//! - `x.annotations.journal`: an append-only log, one RON entry per line after a header line.
//!   Each action appends one line and fsyncs before it is acknowledged, so saving costs one
//!   small write whatever the size of the corpus. A kill mid-write leaves at most a torn last
//!   line, which readers skip and the next writer cuts off.
//! - `x.annotations.ron`: the compacted snapshot (current state and the whole audit log),
//!   rewritten atomically (temp file, fsync, rename) when the journal grows long or the TUI
//!   quits; then the journal is replaced by one starting after the snapshot. Entries carry
//!   sequence numbers, so a crash between the two steps replays nothing twice.
//! - `x.annotations.lock`: taken (flock) for the moment of each write, so two instances (or the
//!   TUI and a script) append in turn. Each writer first reads what others appended and
//!   applies it: nobody's work overwrites anybody's unseen.
//!
//! Reading never writes: a damaged file is reported with line and column and left alone.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::state::{Annotations, Change, Target, Value};
use crate::store::{LoadError, Position, Problem, ProblemKind, replace_file, ron_options};

/// The version of the annotation files this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Journal entries after which a writer folds the journal into the snapshot.
pub const COMPACT_EVERY: usize = 1000;

/// Environment variable overriding [`COMPACT_EVERY`] (tests use it to compact often).
pub const COMPACT_EVERY_VAR: &str = "CROSSCHECK_COMPACT_EVERY";

/// Why an entry was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EntryKind {
    /// An action of the analyst's.
    #[default]
    Do,
    /// Undoing the entry with this sequence number.
    Undo(u64),
    /// Redoing the entry with this sequence number.
    Redo(u64),
}

/// One line of the audit log: what changed, when, by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Its place in the log, from 1, without gaps.
    pub seq: u64,
    /// When it was written.
    pub at: jiff::Timestamp,
    /// Who wrote it (the user name from the config or the environment).
    pub by: String,
    /// An action, an undo or a redo.
    #[serde(default)]
    pub kind: EntryKind,
    /// What it changed, in order.
    pub changes: Vec<Change>,
}

impl Entry {
    /// The entry in words, for the audit log view and the status bar.
    pub fn describe(&self) -> String {
        // Changes to one target read as one phrase: "claim c1: verdict disputed, grade 3".
        let mut what: Vec<String> = Vec::new();
        let mut last: Option<&super::state::Target> = None;
        for change in &self.changes {
            match (last, what.last_mut()) {
                (Some(t), Some(text)) if *t == change.target => {
                    text.push_str(", ");
                    text.push_str(&change.after.describe());
                }
                _ => what.push(change.describe()),
            }
            last = Some(&change.target);
        }
        match self.kind {
            EntryKind::Do => what.join("; "),
            EntryKind::Undo(of) => format!("undo #{of}: {}", what.join("; ")),
            EntryKind::Redo(of) => format!("redo #{of}: {}", what.join("; ")),
        }
    }
}

/// The snapshot file's shape.
#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    version: u32,
    /// The last entry folded in.
    seq: u64,
    annotations: Annotations,
    log: Vec<Entry>,
}

/// The journal's first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    version: u32,
    /// The snapshot's `seq` when this journal was started; its entries come after.
    base: u64,
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
}

/// Why annotations could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// A file is damaged or from a newer crosscheck; nothing was written.
    #[error("{0}")]
    Damaged(LoadError),
    /// The file system refused.
    #[error("cannot {doing} {}: {source}", path.display())]
    Io {
        /// What was being done ("read", "append to", ...).
        doing: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl JournalError {
    fn io(doing: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> JournalError {
        let path = path.to_path_buf();
        move |source| JournalError::Io {
            doing,
            path,
            source,
        }
    }
}

/// What a write did.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    /// The entry written, `None` when there was nothing to change.
    pub entry: Option<Entry>,
    /// Entries by other instances or scripts picked up before writing.
    pub others: usize,
}

/// The annotations of one data file, kept durable: every change is on disk before a method
/// that makes it returns.
#[derive(Debug, Clone)]
pub struct Journal {
    paths: SidecarPaths,
    user: String,
    state: Annotations,
    log: Vec<Entry>,
    /// The snapshot's seq the journal file we read continues.
    base: u64,
    /// Bytes of the journal consumed: its header and complete entry lines.
    read: u64,
    /// Entries in the journal file (not yet in the snapshot).
    pending: usize,
    compact_every: usize,
    undo: Vec<u64>,
    redo: Vec<u64>,
}

impl Journal {
    /// Read the annotations of the data file at `data` (none yet is fine) for `user`.
    /// Writes nothing.
    pub fn open(data: &Path, user: impl Into<String>) -> Result<Journal, JournalError> {
        let compact_every = std::env::var(COMPACT_EVERY_VAR)
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or(COMPACT_EVERY);
        let mut journal = Journal {
            paths: SidecarPaths::of(data),
            user: user.into(),
            state: Annotations::default(),
            log: Vec::new(),
            base: 0,
            read: 0,
            pending: 0,
            compact_every,
            undo: Vec::new(),
            redo: Vec::new(),
        };
        journal.reload()?;
        Ok(journal)
    }

    /// The annotations as they stand.
    pub fn annotations(&self) -> &Annotations {
        &self.state
    }

    /// The audit log, oldest first.
    pub fn log(&self) -> &[Entry] {
        &self.log
    }

    /// The user entries are written as.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The sidecar files.
    pub fn paths(&self) -> &SidecarPaths {
        &self.paths
    }

    /// The entry undo would walk back, if any.
    pub fn can_undo(&self) -> Option<&Entry> {
        self.undo.last().and_then(|seq| self.entry(*seq))
    }

    /// The entry redo would apply again, if any.
    pub fn can_redo(&self) -> Option<&Entry> {
        self.redo.last().and_then(|seq| self.entry(*seq))
    }

    fn entry(&self, seq: u64) -> Option<&Entry> {
        // Sequence numbers have no gaps, so the entry is at seq - 1, unless the log was
        // started by a build that numbered differently; then search.
        let at = usize::try_from(seq).ok()?.checked_sub(1)?;
        match self.log.get(at) {
            Some(e) if e.seq == seq => Some(e),
            _ => self.log.iter().find(|e| e.seq == seq),
        }
    }

    /// Set each field to its value, as one action (one undo step). Fields already holding
    /// their value are left out; when nothing changes, nothing is written.
    pub fn set(&mut self, sets: Vec<(Target, Value)>) -> Result<Receipt, JournalError> {
        self.write(|state, _| {
            let changes: Vec<Change> = sets
                .into_iter()
                .map(|(target, value)| state.change(target, value))
                .filter(|c| c.before != c.after)
                .collect();
            (!changes.is_empty()).then_some((EntryKind::Do, changes))
        })
    }

    /// Walk back this user's last action that is not undone yet.
    pub fn undo(&mut self) -> Result<Receipt, JournalError> {
        self.write(|_, journal| {
            let seq = *journal.undo.last()?;
            let entry = journal.entry(seq)?;
            let changes = entry.changes.iter().rev().map(Change::inverted).collect();
            Some((EntryKind::Undo(seq), changes))
        })
    }

    /// Apply again the last action this user undid.
    pub fn redo(&mut self) -> Result<Receipt, JournalError> {
        self.write(|_, journal| {
            let seq = *journal.redo.last()?;
            let changes = journal.entry(seq)?.changes.clone();
            Some((EntryKind::Redo(seq), changes))
        })
    }

    /// Pick up what other instances or scripts wrote since we last looked. Cheap when nothing
    /// changed (one small read); returns how many entries arrived.
    pub fn refresh(&mut self) -> Result<usize, JournalError> {
        self.catch_up()
    }

    /// Fold the journal into the snapshot now (the TUI does on quit).
    pub fn compact(&mut self) -> Result<(), JournalError> {
        let _lock = self.lock()?;
        self.catch_up()?;
        self.compact_locked()
    }

    /// Under the lock: catch up with others, build the entry, append it durably, apply it.
    fn write(
        &mut self,
        build: impl FnOnce(&Annotations, &Journal) -> Option<(EntryKind, Vec<Change>)>,
    ) -> Result<Receipt, JournalError> {
        let _lock = self.lock()?;
        let others = self.catch_up()?;
        let Some((kind, changes)) = build(&self.state, self) else {
            return Ok(Receipt {
                entry: None,
                others,
            });
        };
        let entry = Entry {
            seq: self.log.last().map_or(self.base, |e| e.seq) + 1,
            at: jiff::Timestamp::now(),
            by: self.user.clone(),
            kind,
            changes,
        };
        self.append(&entry)?;
        self.absorb(entry.clone());
        self.pending += 1;
        if self.pending >= self.compact_every {
            self.compact_locked()?;
        }
        Ok(Receipt {
            entry: Some(entry),
            others,
        })
    }

    fn lock(&self) -> Result<File, JournalError> {
        if let Some(dir) = self
            .paths
            .lock
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(JournalError::io("create", dir))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.paths.lock)
            .map_err(JournalError::io("open", &self.paths.lock))?;
        // Released when the file is closed, and by the OS if the process dies.
        file.lock()
            .map_err(JournalError::io("lock", &self.paths.lock))?;
        Ok(file)
    }

    /// Append `entry` as one line and fsync. A torn line left by a writer that died is cut
    /// off first (we hold the lock, and `read` ends at the last complete line).
    fn append(&mut self, entry: &Entry) -> Result<(), JournalError> {
        let path = &self.paths.journal;
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .write(true)
            .truncate(false)
            .open(path)
            .map_err(JournalError::io("open", path))?;
        let len = file
            .metadata()
            .map_err(JournalError::io("read", path))?
            .len();
        let mut line = String::new();
        if len == 0 || self.read == 0 {
            file.set_len(0).map_err(JournalError::io("write", path))?;
            line.push_str(&one_line(&Header {
                version: FORMAT_VERSION,
                base: self.base,
            }));
            line.push('\n');
        } else if len > self.read {
            file.set_len(self.read)
                .map_err(JournalError::io("repair", path))?;
        }
        line.push_str(&one_line(entry));
        line.push('\n');
        file.seek(SeekFrom::Start(self.read))
            .map_err(JournalError::io("append to", path))?;
        file.write_all(line.as_bytes())
            .map_err(JournalError::io("append to", path))?;
        file.sync_data().map_err(JournalError::io("sync", path))?;
        if self.read == 0 {
            // A journal just created: its directory entry must survive a crash too.
            sync_dir(path);
        }
        self.read += line.len() as u64;
        Ok(())
    }

    fn compact_locked(&mut self) -> Result<(), JournalError> {
        let seq = self.log.last().map_or(self.base, |e| e.seq);
        let snapshot = Snapshot {
            version: FORMAT_VERSION,
            seq,
            annotations: self.state.clone(),
            log: self.log.clone(),
        };
        let config = ron::ser::PrettyConfig::new()
            .indentor("  ")
            .escape_strings(true)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        let text =
            ron::ser::to_string_pretty(&snapshot, config).expect("annotations always serialize");
        let path = &self.paths.snapshot;
        if let Ok(previous) = std::fs::read(path) {
            replace_file(&crate::store::backup_path(path), &previous)
                .map_err(JournalError::io("back up", path))?;
        }
        replace_file(path, text.as_bytes()).map_err(JournalError::io("write", path))?;
        // From here a crash leaves the old journal, whose entries are all <= seq: skipped.
        let header = format!(
            "{}\n",
            one_line(&Header {
                version: FORMAT_VERSION,
                base: seq,
            })
        );
        replace_file(&self.paths.journal, header.as_bytes())
            .map_err(JournalError::io("write", &self.paths.journal))?;
        self.base = seq;
        self.read = header.len() as u64;
        self.pending = 0;
        Ok(())
    }

    /// Read everything again from the files.
    fn reload(&mut self) -> Result<(), JournalError> {
        // A compaction by another instance between reading the snapshot and the journal shows
        // as a journal starting after our snapshot: read again.
        for _ in 0..10 {
            let snapshot = read_snapshot(&self.paths.snapshot)?;
            let (header, lines, read) = read_journal(&self.paths.journal, 0)?;
            let (seq, annotations, log) = match snapshot {
                Some(s) => (s.seq, s.annotations, s.log),
                None => (0, Annotations::default(), Vec::new()),
            };
            if header.is_some_and(|h| h.base > seq) {
                continue;
            }
            self.state = annotations;
            self.log = Vec::new();
            self.undo.clear();
            self.redo.clear();
            for entry in log {
                self.track(&entry);
                self.log.push(entry);
            }
            self.base = seq;
            self.read = if header.is_some() { read } else { 0 };
            self.pending = 0;
            for entry in lines {
                if entry.seq > seq {
                    self.absorb(entry);
                    self.pending += 1;
                }
            }
            return Ok(());
        }
        Err(JournalError::Io {
            doing: "read",
            path: self.paths.journal.clone(),
            source: std::io::Error::other("the annotation files kept changing while being read"),
        })
    }

    /// Apply what others appended since `read`; returns how many entries.
    fn catch_up(&mut self) -> Result<usize, JournalError> {
        let before = self.log.len();
        let header = read_header(&self.paths.journal)?;
        match header {
            // Compacted by someone else (or removed): start again from the files.
            Some(h) if h.base != self.base => self.reload()?,
            None if self.read > 0 => self.reload()?,
            None => {}
            Some(_) => {
                let (_, lines, read) = read_journal(&self.paths.journal, self.read)?;
                self.read = read;
                for entry in lines {
                    self.absorb(entry);
                    self.pending += 1;
                }
            }
        }
        Ok(self.log.len().saturating_sub(before))
    }

    fn absorb(&mut self, entry: Entry) {
        for change in &entry.changes {
            self.state.apply(change);
        }
        self.track(&entry);
        self.log.push(entry);
    }

    /// Keep this user's undo and redo stacks as the log dictates.
    fn track(&mut self, entry: &Entry) {
        if entry.by != self.user {
            return;
        }
        match entry.kind {
            EntryKind::Do => {
                self.undo.push(entry.seq);
                self.redo.clear();
            }
            EntryKind::Undo(of) => {
                self.undo.retain(|s| *s != of);
                self.redo.push(of);
            }
            EntryKind::Redo(of) => {
                self.redo.retain(|s| *s != of);
                self.undo.push(of);
            }
        }
    }
}

/// The user name entries are signed with: `user` from the config, else `CROSSCHECK_USER`,
/// `USER` or `USERNAME`, else "analyst".
pub fn user_name(configured: Option<&str>) -> String {
    configured
        .map(str::to_string)
        .or_else(|| {
            ["CROSSCHECK_USER", "USER", "USERNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok())
        })
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "analyst".to_string())
}

fn one_line<T: Serialize>(value: &T) -> String {
    // Compact RON escapes newlines inside strings, so an entry is always one line.
    ron::to_string(value).expect("journal entries always serialize")
}

fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn damaged(path: &Path, at: Option<Position>, message: String) -> JournalError {
    JournalError::Damaged(LoadError::single(
        path,
        Problem::new(
            ProblemKind::Syntax,
            at,
            message,
            "this file is written by crosscheck; restore it from its .bak copy or version \
             control, or move it aside to start without these annotations",
        ),
    ))
}

fn read_snapshot(path: &Path) -> Result<Option<Snapshot>, JournalError> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            damaged(
                path,
                None,
                format!("not UTF-8 text (at byte {})", e.utf8_error().valid_up_to()),
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(JournalError::io("read", path)(e)),
    };
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

fn read_header(path: &Path) -> Result<Option<Header>, JournalError> {
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
        // Empty, or a header torn by a crash before its first entry: as if absent.
        return Ok(None);
    };
    let line = std::str::from_utf8(&head[..end]).unwrap_or("");
    parse_header(path, line).map(Some)
}

fn parse_header(path: &Path, line: &str) -> Result<Header, JournalError> {
    let header: Header = ron_options().from_str(line).map_err(|e| {
        damaged(
            path,
            None,
            format!("line 1 is not a journal header: {}", e.code),
        )
    })?;
    if header.version > FORMAT_VERSION {
        return Err(newer(path, header.version));
    }
    Ok(header)
}

/// The journal's header and its complete entry lines from byte `from` (0: the whole file),
/// with the offset after the last complete line. A torn last line is left unread.
fn read_journal(path: &Path, from: u64) -> Result<(Option<Header>, Vec<Entry>, u64), JournalError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((None, Vec::new(), 0)),
        Err(e) => return Err(JournalError::io("read", path)(e)),
    };
    file.seek(SeekFrom::Start(from))
        .map_err(JournalError::io("read", path))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(JournalError::io("read", path))?;
    let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let text = std::str::from_utf8(&bytes[..complete]).map_err(|e| {
        damaged(
            path,
            None,
            format!(
                "not UTF-8 text (at byte {})",
                from as usize + e.valid_up_to()
            ),
        )
    })?;
    let mut header = None;
    let mut entries = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches('\n');
        if from == 0 && i == 0 {
            header = Some(parse_header(path, content)?);
        } else if !content.trim().is_empty() {
            let entry: Entry = ron_options().from_str(content).map_err(|e| {
                let mut message = format!("entry is damaged: {}", e.code);
                if from > 0 {
                    message.push_str(&format!(" (at byte {})", from as usize + offset));
                }
                let at = offset + e.span.start.col.saturating_sub(1);
                damaged(
                    path,
                    (from == 0).then(|| Position::of_offset(text, at)),
                    message,
                )
            })?;
            entries.push(entry);
        }
        offset += line.len();
    }
    Ok((header, entries, from + complete as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::grades::{Credibility, Reliability, Verdict};
    use crate::annotate::state::Anchor;

    fn claim(id: &str) -> Target {
        Target::Claim {
            id: id.into(),
            anchor: Anchor {
                report: "r".into(),
                kind: "casualty".into(),
                span: [0, 2],
                text: "55".into(),
            },
        }
    }

    fn data(dir: &Path) -> PathBuf {
        dir.join("x.ron")
    }

    #[test]
    fn sidecar_names() {
        let p = SidecarPaths::of(Path::new("d/x.ron"));
        assert_eq!(p.snapshot, Path::new("d/x.annotations.ron"));
        assert_eq!(p.journal, Path::new("d/x.annotations.journal"));
        assert_eq!(
            SidecarPaths::of(Path::new("x.data")).lock,
            Path::new("x.data.annotations.lock")
        );
    }

    #[test]
    fn survives_reopen_undo_redo_and_compaction() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        assert!(j.log().is_empty());
        j.set(vec![(claim("c1"), Value::Verdict(Verdict::Disputed))])
            .unwrap();
        j.set(vec![(
            claim("c1"),
            Value::Grade(Credibility::from_number(3)),
        )])
        .unwrap();
        j.set(vec![(
            Target::Source("r".into()),
            Value::Reliability(Some(Reliability::B)),
        )])
        .unwrap();
        // Setting what is there writes nothing.
        let same = j
            .set(vec![(claim("c1"), Value::Verdict(Verdict::Disputed))])
            .unwrap();
        assert!(same.entry.is_none());
        j.undo().unwrap();
        assert!(j.annotations().sources.is_empty());
        j.undo().unwrap();
        assert_eq!(j.annotations().claims["c1"].grade, None);
        j.redo().unwrap();
        assert_eq!(
            j.annotations().claims["c1"].grade,
            Credibility::from_number(3)
        );
        assert_eq!(j.log().len(), 6);

        let again = Journal::open(&data(dir.path()), "ana").unwrap();
        assert_eq!(again.annotations(), j.annotations());
        assert_eq!(again.log(), j.log());
        // The undo/redo stacks come back from the log too.
        assert_eq!(again.can_redo().map(|e| e.seq), Some(3));

        j.compact().unwrap();
        let compacted = Journal::open(&data(dir.path()), "ana").unwrap();
        assert_eq!(compacted.annotations(), j.annotations());
        assert_eq!(compacted.log().len(), 6);
        let mut compacted = compacted;
        compacted
            .set(vec![(claim("c2"), Value::Note("two\nlines".into()))])
            .unwrap();
        assert_eq!(compacted.log().last().unwrap().seq, 7);
        let reread = Journal::open(&data(dir.path()), "ana").unwrap();
        assert_eq!(reread.annotations().claims["c2"].note, "two\nlines");
    }

    #[test]
    fn a_torn_last_line_is_skipped_then_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        j.set(vec![(claim("c1"), Value::Verdict(Verdict::Confirmed))])
            .unwrap();
        let path = j.paths().journal.clone();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"(seq: 2, at: \"2026-").unwrap();
        drop(f);
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        assert_eq!(j.log().len(), 1);
        j.set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");
        assert_eq!(
            Journal::open(&data(dir.path()), "ana")
                .unwrap()
                .annotations()
                .claims["c1"]
                .verdict,
            Verdict::False
        );
    }

    #[test]
    fn two_writers_see_each_other_and_compaction_by_either() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Journal::open(&data(dir.path()), "ana").unwrap();
        let mut b = Journal::open(&data(dir.path()), "bo").unwrap();
        a.set(vec![(claim("c1"), Value::Verdict(Verdict::Confirmed))])
            .unwrap();
        let receipt = b
            .set(vec![(claim("c2"), Value::Verdict(Verdict::False))])
            .unwrap();
        assert_eq!(receipt.others, 1);
        assert_eq!(b.annotations().claims.len(), 2);
        b.compact().unwrap();
        let receipt = a
            .set(vec![(claim("c3"), Value::Verdict(Verdict::Uncertain))])
            .unwrap();
        assert_eq!(receipt.others, 1);
        assert_eq!(a.annotations().claims.len(), 3);
        assert_eq!(a.log().iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
        // Undo walks back only one's own actions.
        b.refresh().unwrap();
        b.undo().unwrap();
        assert!(!b.annotations().claims.contains_key("c2"));
        assert!(b.annotations().claims.contains_key("c3"));
    }

    #[test]
    fn a_damaged_entry_is_reported_with_its_line_and_not_touched() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        j.set(vec![(claim("c1"), Value::Verdict(Verdict::Confirmed))])
            .unwrap();
        j.set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
            .unwrap();
        let path = j.paths().journal.clone();
        let text = std::fs::read_to_string(&path).unwrap();
        let broken = text.replacen("confirmed", "confirmd", 1);
        std::fs::write(&path, &broken).unwrap();
        let err = Journal::open(&data(dir.path()), "ana").unwrap_err();
        let message = err.to_string();
        assert!(message.contains("x.annotations.journal:2:"), "{message}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    }

    #[test]
    fn a_crash_between_snapshot_and_journal_replays_nothing_twice() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        j.set(vec![(claim("c1"), Value::Tags(["a".to_string()].into()))])
            .unwrap();
        let journal = std::fs::read(&j.paths().journal).unwrap();
        j.compact().unwrap();
        // As if the process died after writing the snapshot, before replacing the journal.
        std::fs::write(&j.paths().journal, journal).unwrap();
        let j = Journal::open(&data(dir.path()), "ana").unwrap();
        assert_eq!(j.log().len(), 1);
    }
}
