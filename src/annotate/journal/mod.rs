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

mod files;

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::state::{Annotations, Change, Edit, Target, Value};
use crate::store::{FileLock, LoadError, clean_temps, replace_file_with_mode};
pub use files::SidecarPaths;
use files::{DamagedLine, FileId, Header, Snapshot, one_line, sync_dir};

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
    id: Option<FileId>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::grades::{Credibility, Reliability, Verdict};
    use crate::annotate::state::Anchor;
    use std::collections::BTreeSet;

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
    fn a_damaged_line_is_set_aside_and_every_readable_entry_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        for (c, v) in [
            ("c1", Verdict::Confirmed),
            ("c2", Verdict::False),
            ("c3", Verdict::Disputed),
        ] {
            j.set(vec![(claim(c), Value::Verdict(v))]).unwrap();
        }
        let path = j.paths().journal.clone();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // Line 3 garbled, a run of NUL bytes before line 4 (a writer that seeked past the
        // end), and a duplicate of line 2 at the end.
        let broken = format!(
            "{}\n{}\n{}\n\0\0\0\0{}\n{}\n",
            lines[0],
            lines[1],
            lines[2]
                .replacen("disputed", "disputd", 1)
                .replacen("false", "fals", 1),
            lines[3],
            lines[1]
        );
        std::fs::write(&path, &broken).unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        let notices = j.take_notices();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0].contains("x.annotations.journal:3"),
            "{notices:?}"
        );
        assert!(notices[0].contains("2 damaged line(s)"), "{notices:?}");
        let aside = dir.path().join("x.annotations.journal.damaged");
        let set_aside = std::fs::read_to_string(&aside).unwrap();
        assert!(set_aside.contains("fals"), "{set_aside}");
        assert_eq!(j.annotations().claims.len(), 2);
        assert_eq!(j.annotations().claims["c3"].verdict, Verdict::Disputed);
        // The journal is whole again: it opens without notices, and writing continues.
        j.set(vec![(claim("c4"), Value::Verdict(Verdict::False))])
            .unwrap();
        let mut again = Journal::open(&data(dir.path()), "ana").unwrap();
        assert!(again.take_notices().is_empty());
        assert_eq!(again.annotations().claims.len(), 3);
        assert!(!std::fs::read(&path).unwrap().contains(&0));
    }

    #[test]
    fn tags_added_by_two_writers_who_did_not_see_each_other_are_both_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Journal::open(&data(dir.path()), "ana").unwrap();
        let mut b = Journal::open(&data(dir.path()), "bo").unwrap();
        let add = |t: &str| Edit::Tags {
            add: [t.to_string()].into(),
            remove: BTreeSet::new(),
        };
        a.edit(vec![(claim("c1"), add("x"))]).unwrap();
        b.edit(vec![(claim("c1"), add("y"))]).unwrap();
        assert_eq!(
            b.annotations().claims["c1"].tags,
            ["x".to_string(), "y".to_string()].into()
        );
        // Undoing one's tag leaves the other's.
        a.undo().unwrap();
        assert_eq!(a.annotations().claims["c1"].tags, ["y".to_string()].into());
        a.redo().unwrap();
        assert_eq!(a.annotations().claims["c1"].tags.len(), 2);
    }

    #[test]
    fn a_write_after_another_compacted_never_leaves_a_gap() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Journal::open(&data(dir.path()), "ana").unwrap();
        for i in 0..5 {
            a.set(vec![(
                claim(&format!("c{i}")),
                Value::Verdict(Verdict::False),
            )])
            .unwrap();
        }
        let mut b = Journal::open(&data(dir.path()), "bo").unwrap();
        a.compact().unwrap();
        // The new journal is shorter than what b read of the old one.
        b.set(vec![(claim("c9"), Value::Verdict(Verdict::Confirmed))])
            .unwrap();
        let bytes = std::fs::read(&a.paths().journal).unwrap();
        assert!(!bytes.contains(&0));
        let j = Journal::open(&data(dir.path()), "cy").unwrap();
        assert_eq!(j.annotations().claims.len(), 6);
        assert_eq!(
            j.log().iter().map(|e| e.seq).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
    }

    #[test]
    fn a_compaction_that_fails_after_the_append_is_a_warning_on_a_saved_action() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&data(dir.path()), "ana").unwrap();
        j.set_compact_every(1);
        // A directory where the snapshot goes: the compaction cannot write it.
        std::fs::create_dir(&j.paths().snapshot).unwrap();
        let receipt = j
            .set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
            .unwrap();
        assert!(receipt.entry.is_some());
        assert!(receipt.warning.is_some(), "{receipt:?}");
        std::fs::remove_dir(&j.paths().snapshot).unwrap();
        // Saved once: reopening finds it, and a retry would change nothing.
        let mut again = Journal::open(&data(dir.path()), "ana").unwrap();
        assert_eq!(again.log().len(), 1);
        let retry = again
            .set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
            .unwrap();
        assert!(retry.entry.is_none());
    }

    #[cfg(unix)]
    #[test]
    fn the_sidecars_are_as_private_as_the_data_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = data(dir.path());
        std::fs::write(&file, "").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let mut j = Journal::open(&file, "ana").unwrap();
        j.set(vec![(claim("c1"), Value::Verdict(Verdict::False))])
            .unwrap();
        j.compact().unwrap();
        j.compact().unwrap();
        let paths = j.paths().clone();
        let backup = crate::store::backup_path(&paths.snapshot);
        for path in [&paths.snapshot, &paths.journal, &paths.lock, &backup] {
            let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
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
