//! One line of the audit log: what changed, when, by whom; and who "whom" is.

use serde::{Deserialize, Serialize};

use crate::annotate::state::Change;

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
        let mut last: Option<&crate::annotate::state::Target> = None;
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
