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
//! - `x.annotations.lock`: held alone (flock) for each read-modify-write and compaction, so any
//!   number of instances and scripts write in turn, each making its change against what the
//!   others wrote; held shared while reading, so a snapshot and its journal are one pair.
//!
//! Reading writes nothing, but for one repair: journal lines that cannot be applied (a disk
//! fault, a hand edit, NUL bytes) are set aside in a file of their own, named to the analyst,
//! and the journal is written again with every entry that could be read. A damaged snapshot
//! is reported with line and column and left alone.

mod entry;
mod files;

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::state::{Annotations, Change, Edit, Target, Value};
use crate::store::{FileLock, LoadError, clean_temps, replace_file_with_mode};
pub use entry::{Entry, EntryKind, user_name};
pub use files::SidecarPaths;
use files::{DamagedLine, Header, Snapshot, one_line, sync_dir};

/// The version of the annotation files this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Journal entries after which a writer folds the journal into the snapshot.
pub const COMPACT_EVERY: usize = 1000;

/// Environment variable overriding [`COMPACT_EVERY`] (tests use it to compact often).
pub const COMPACT_EVERY_VAR: &str = "CROSSCHECK_COMPACT_EVERY";

/// Why annotations could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// A file is damaged or from a newer crosscheck; nothing was written.
    #[error("{0}")]
    Damaged(LoadError),
    /// The file system refused.
    #[error("cannot {doing} {}: {}", path.display(), crate::text::io_reason(source))]
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
    /// Something that went wrong after the entry was safely on disk (folding the journal
    /// into the snapshot): the action is saved, and the analyst should know.
    pub warning: Option<String>,
}

/// The annotations of one data file, kept durable: every change is on disk before a method
/// that makes it returns.
#[derive(Debug, Clone)]
pub struct Journal {
    paths: SidecarPaths,
    /// The permission bits of the data file, which its sidecars take.
    mode: Option<u32>,
    user: String,
    state: Annotations,
    log: Vec<Entry>,
    /// The snapshot's seq the journal file we read continues.
    base: u64,
    /// Bytes of the journal consumed: its header and complete entry lines.
    read: u64,
    /// The journal file those bytes were read from.
    id: Option<crate::store::Stamp>,
    /// Entries in the journal file (not yet in the snapshot).
    pending: usize,
    compact_every: usize,
    undo: Vec<u64>,
    redo: Vec<u64>,
    /// What the analyst should be told (damaged lines set aside), not yet taken.
    notices: Vec<String>,
}

impl Journal {
    /// Read the annotations of the data file at `data` (none yet is fine) for `user`.
    /// Writes nothing, unless the journal holds damaged lines: those are set aside in a file
    /// of their own (see [`Journal::take_notices`]) and the rest kept.
    pub fn open(data: &Path, user: impl Into<String>) -> Result<Journal, JournalError> {
        let compact_every = std::env::var(COMPACT_EVERY_VAR)
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or(COMPACT_EVERY);
        // Beside the real file when `data` is a symlink: one set of annotations per file.
        let real = crate::store::real_path(data);
        let mut journal = Journal {
            paths: SidecarPaths::of(&real),
            mode: crate::store::mode_of(&real),
            user: user.into(),
            state: Annotations::default(),
            log: Vec::new(),
            base: 0,
            read: 0,
            id: None,
            pending: 0,
            compact_every,
            undo: Vec::new(),
            redo: Vec::new(),
            notices: Vec::new(),
        };
        let damaged = {
            let _shared = journal.shared_lock()?;
            journal.reload()?
        };
        if !damaged.is_empty() {
            let _lock = journal.lock()?;
            journal.repair()?;
        }
        Ok(journal)
    }

    /// Fold the journal into the snapshot every `n` entries from now on (tests and stress runs
    /// use a small `n` to cross compactions often).
    pub fn set_compact_every(&mut self, n: usize) {
        self.compact_every = n.max(1);
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

    /// What the analyst should be told about the files (damaged lines set aside, and where),
    /// once: the messages are handed over and forgotten.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
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
        self.edit(
            sets.into_iter()
                .map(|(target, value)| (target, Edit::Set(value)))
                .collect(),
        )
    }

    /// Make each edit, as one action, against the annotations as they are on disk at the
    /// moment of writing: an edit of tags adds and removes only the tags it names.
    pub fn edit(&mut self, edits: Vec<(Target, Edit)>) -> Result<Receipt, JournalError> {
        self.write(|state, _| {
            let changes: Vec<Change> = edits
                .into_iter()
                .map(|(target, edit)| state.resolve(target, edit))
                .filter(|c| c.before != c.after)
                .collect();
            (!changes.is_empty()).then_some((EntryKind::Do, changes))
        })
    }

    /// Walk back this user's last action that is not undone yet. Tags come back as they were
    /// less what the action added and plus what it removed, whatever others did since.
    pub fn undo(&mut self) -> Result<Receipt, JournalError> {
        self.write(|state, journal| {
            let seq = *journal.undo.last()?;
            let entry = journal.entry(seq)?;
            let changes = entry
                .changes
                .iter()
                .rev()
                .map(|c| state.replay(c, false))
                .filter(|c| c.before != c.after)
                .collect();
            Some((EntryKind::Undo(seq), changes))
        })
    }

    /// Apply again the last action this user undid.
    pub fn redo(&mut self) -> Result<Receipt, JournalError> {
        self.write(|state, journal| {
            let seq = *journal.redo.last()?;
            let changes = journal
                .entry(seq)?
                .changes
                .iter()
                .map(|c| state.replay(c, true))
                .filter(|c| c.before != c.after)
                .collect();
            Some((EntryKind::Redo(seq), changes))
        })
    }

    /// Pick up what other instances or scripts wrote since we last looked. Cheap when nothing
    /// changed (one small read); returns how many entries arrived.
    pub fn refresh(&mut self) -> Result<usize, JournalError> {
        let before = self.log.len();
        let damaged = {
            let _shared = self.shared_lock()?;
            self.catch_up()?
        };
        if damaged {
            let _lock = self.lock()?;
            self.repair()?;
        }
        Ok(self.log.len().saturating_sub(before))
    }

    /// Fold the journal into the snapshot now (the TUI does on quit).
    pub fn compact(&mut self) -> Result<(), JournalError> {
        let _lock = self.lock()?;
        if self.catch_up()? {
            self.repair()?;
        }
        self.compact_locked()
    }

    /// Under the lock: catch up with others, build the entry from the state as it is on disk
    /// now, append it durably, apply it.
    fn write(
        &mut self,
        build: impl FnOnce(&Annotations, &Journal) -> Option<(EntryKind, Vec<Change>)>,
    ) -> Result<Receipt, JournalError> {
        let _lock = self.lock()?;
        let before = self.log.len();
        if self.catch_up()? {
            self.repair()?;
        }
        let others = self.log.len().saturating_sub(before);
        let Some((kind, changes)) = build(&self.state, self) else {
            return Ok(Receipt {
                entry: None,
                others,
                warning: None,
            });
        };
        let entry = Entry {
            seq: self.last_seq() + 1,
            at: jiff::Timestamp::now(),
            by: self.user.clone(),
            kind,
            changes,
        };
        self.append(&entry)?;
        self.absorb(entry.clone());
        self.pending += 1;
        // The entry is durable: a failure to compact now costs nothing but a longer journal.
        let warning = (self.pending >= self.compact_every)
            .then(|| self.compact_locked().err())
            .flatten()
            .map(|e| {
                tracing::warn!("annotations not compacted: {e}");
                format!("saved; the journal could not be compacted ({e})")
            });
        Ok(Receipt {
            entry: Some(entry),
            others,
            warning,
        })
    }

    fn last_seq(&self) -> u64 {
        self.log.last().map_or(self.base, |e| e.seq).max(self.base)
    }

    /// The writers' lock, alone. Every read-modify-write and every compaction holds it.
    fn lock(&self) -> Result<FileLock, JournalError> {
        if let Some(dir) = self
            .paths
            .lock
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(JournalError::io("create", dir))?;
        }
        FileLock::exclusive(&self.paths.lock, self.mode)
            .map_err(JournalError::io("lock", &self.paths.lock))
    }

    /// The lock beside other readers, so that the snapshot and the journal read are a pair
    /// no compaction is replacing meanwhile. None in a directory we cannot write: nobody
    /// writes annotations there.
    fn shared_lock(&self) -> Result<Option<FileLock>, JournalError> {
        match self.paths.lock.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => return Ok(None),
            _ => {}
        }
        FileLock::shared(&self.paths.lock, self.mode)
            .map_err(JournalError::io("lock", &self.paths.lock))
    }

    /// Append `entry` as one line and fsync. A torn line left by a writer that died is cut
    /// off first (we hold the lock, and `read` ends at the last complete line).
    fn append(&mut self, entry: &Entry) -> Result<(), JournalError> {
        let path = &self.paths.journal;
        let mut options = OpenOptions::new();
        options.create(true).read(true).write(true).truncate(false);
        crate::store::with_mode(&mut options, self.mode);
        let mut file = options.open(path).map_err(JournalError::io("open", path))?;
        let len = file
            .metadata()
            .map_err(JournalError::io("read", path))?
            .len();
        let mut line = String::new();
        if len == 0 || self.read == 0 {
            file.set_len(0).map_err(JournalError::io("write", path))?;
            self.read = 0;
            line.push_str(&one_line(&Header {
                version: FORMAT_VERSION,
                base: self.base,
            }));
            line.push('\n');
        } else if len != self.read {
            // Longer: a torn line. Shorter cannot be (catch_up read this very file under the
            // lock), but writing past the end would leave NUL bytes, so never seek beyond it.
            file.set_len(self.read.min(len))
                .map_err(JournalError::io("repair", path))?;
            self.read = self.read.min(len);
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
        self.id = files::journal_id(path)?;
        Ok(())
    }

    fn compact_locked(&mut self) -> Result<(), JournalError> {
        let seq = self.last_seq();
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
        let backup = crate::store::backup_path(path);
        for file in [path, &backup, &self.paths.journal] {
            clean_temps(file);
        }
        if let Ok(previous) = std::fs::read(path) {
            replace_file_with_mode(&backup, &previous, self.mode)
                .map_err(JournalError::io("back up", path))?;
        }
        replace_file_with_mode(path, text.as_bytes(), self.mode)
            .map_err(JournalError::io("write", path))?;
        // From here a crash leaves the old journal, whose entries are all <= seq: skipped.
        let header = format!(
            "{}\n",
            one_line(&Header {
                version: FORMAT_VERSION,
                base: seq,
            })
        );
        replace_file_with_mode(&self.paths.journal, header.as_bytes(), self.mode)
            .map_err(JournalError::io("write", &self.paths.journal))?;
        self.base = seq;
        self.read = header.len() as u64;
        self.id = files::journal_id(&self.paths.journal)?;
        self.pending = 0;
        Ok(())
    }

    /// Read everything again from the files; returns the journal's damaged lines (not
    /// applied). The caller holds the lock, shared or alone, unless the directory is
    /// read-only; then a compaction seen half done is read again.
    fn reload(&mut self) -> Result<Vec<DamagedLine>, JournalError> {
        for _ in 0..10 {
            let snapshot = files::read_snapshot(&self.paths.snapshot)?;
            let (seq, annotations, log) = match snapshot {
                Some(s) => (s.seq, s.annotations, s.log),
                None => (0, Annotations::default(), Vec::new()),
            };
            let read = files::read_journal(&self.paths.journal, 0, seq)?;
            if read.header.is_some_and(|h| h.base > seq) {
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
            // A journal without a readable header is started afresh by the next write.
            self.read = if read.header.is_some() { read.read } else { 0 };
            self.id = read.id;
            self.pending = 0;
            for entry in read.entries {
                self.absorb(entry);
                self.pending += 1;
            }
            return Ok(read.damaged);
        }
        Err(JournalError::Io {
            doing: "read",
            path: self.paths.journal.clone(),
            source: std::io::Error::other("the annotation files kept changing while being read"),
        })
    }

    /// Under the lock alone: read the files again and, if the journal holds damaged lines,
    /// set them aside in a file of their own and write the journal again with every entry
    /// that could be read.
    fn repair(&mut self) -> Result<(), JournalError> {
        let damaged = self.reload()?;
        if damaged.is_empty() {
            return Ok(());
        }
        let aside = files::set_aside(&self.paths, &damaged, self.mode)?;
        let mut text = one_line(&Header {
            version: FORMAT_VERSION,
            base: self.base,
        });
        text.push('\n');
        for entry in self.log.iter().filter(|e| e.seq > self.base) {
            text.push_str(&one_line(entry));
            text.push('\n');
        }
        clean_temps(&self.paths.journal);
        replace_file_with_mode(&self.paths.journal, text.as_bytes(), self.mode)
            .map_err(JournalError::io("write", &self.paths.journal))?;
        self.read = text.len() as u64;
        self.id = files::journal_id(&self.paths.journal)?;
        let message = files::recovery_message(&self.paths, &damaged, &aside);
        tracing::warn!("{message}");
        self.notices.push(message);
        Ok(())
    }

    /// Apply what others appended since we last read; true when damaged lines were met
    /// (the caller repairs them holding the lock alone).
    fn catch_up(&mut self) -> Result<bool, JournalError> {
        let now = files::journal_id(&self.paths.journal)?;
        let header = files::read_header(&self.paths.journal)?;
        let same_file = match (now, self.id) {
            (Some(now), Some(before)) => now.continues(&before),
            (None, None) => true,
            _ => false,
        };
        // Compacted, repaired or removed by someone else: start again from the files.
        if !same_file || header.map(|h| h.base) != Some(self.base) && self.read > 0 {
            return Ok(!self.reload()?.is_empty());
        }
        if now.is_none() || self.read == 0 {
            return Ok(false);
        }
        let read = files::read_journal(&self.paths.journal, self.read, self.last_seq())?;
        self.read = read.read;
        self.id = read.id;
        for entry in read.entries {
            self.absorb(entry);
            self.pending += 1;
        }
        Ok(!read.damaged.is_empty())
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

#[cfg(test)]
mod tests;
