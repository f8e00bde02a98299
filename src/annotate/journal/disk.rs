//! The journal on disk: the writers' lock and the readers' shared lock, appending an entry,
//! compacting into the snapshot, reading again what others wrote, and setting damaged lines
//! aside.

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};

use super::entry::{Entry, EntryKind};
use super::files::{self, DamagedLine, Header, Snapshot, one_line, sync_dir};
use super::{FORMAT_VERSION, Journal, JournalError};
use crate::annotate::state::Annotations;
use crate::store::{FileLock, clean_temps, replace_file_with_mode};

impl Journal {
    /// The writers' lock, alone. Every read-modify-write and every compaction holds it.
    pub(super) fn lock(&self) -> Result<FileLock, JournalError> {
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
    pub(super) fn shared_lock(&self) -> Result<Option<FileLock>, JournalError> {
        match self.paths.lock.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => return Ok(None),
            _ => {}
        }
        FileLock::shared(&self.paths.lock, self.mode)
            .map_err(JournalError::io("lock", &self.paths.lock))
    }

    /// Append `entry` as one line and fsync. A torn line left by a writer that died is cut
    /// off first (we hold the lock, and `read` ends at the last complete line).
    pub(super) fn append(&mut self, entry: &Entry) -> Result<(), JournalError> {
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

    pub(super) fn compact_locked(&mut self) -> Result<(), JournalError> {
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
    pub(super) fn reload(&mut self) -> Result<Vec<DamagedLine>, JournalError> {
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
    pub(super) fn repair(&mut self) -> Result<(), JournalError> {
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
    pub(super) fn catch_up(&mut self) -> Result<bool, JournalError> {
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

    pub(super) fn absorb(&mut self, entry: Entry) {
        for change in &entry.changes {
            self.state.apply(change);
        }
        self.track(&entry);
        self.log.push(entry);
    }

    /// Keep this user's undo and redo stacks as the log dictates.
    pub(super) fn track(&mut self, entry: &Entry) {
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
