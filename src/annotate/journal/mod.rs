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

mod disk;
mod entry;
mod files;

use std::path::{Path, PathBuf};

use super::state::{Annotations, Change, Edit, Target, Value};
use crate::store::LoadError;
pub use entry::{Entry, EntryKind, user_name};
pub use files::SidecarPaths;

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
}

#[cfg(test)]
mod tests;
