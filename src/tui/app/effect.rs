//! Effects: what `update` asks of the world. `update` changes the model and the view and
//! returns these; the runtime performs them (journal writes, export, worker requests) and
//! hands the outcome back to `update`. No effect is performed inside `update`.

use crate::annotate::{Edit, Target, Value};

use super::forms::Editor;

/// A change to the annotations, as one journal action.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Set fields.
    Set(Vec<(Target, Value)>),
    /// Edits settled against the annotations on disk (tags added and removed).
    Edit(Vec<(Target, Edit)>),
    /// Undo the last action.
    Undo,
    /// Redo the last undone action.
    Redo,
}

/// Which claims a recomputation covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every report (another session's changes, or claims that entered or left many).
    All,
    /// These reports (corpus indices) and the incidents their claims are about.
    Reports(Vec<usize>),
    /// Where annotations landed and the review counts only: no claim entered or left a
    /// comparison, but the worker's last answer predates some writes.
    Notes,
}

/// Something for the runtime to do.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Write to the journal (durably, before the next key is read). `editor` is the form
    /// whose text the write saves: given back if the write fails, so nothing typed is lost.
    Write {
        /// The change.
        write: Write,
        /// The form it came from, if any.
        editor: Option<Box<Editor>>,
    },
    /// Pick up what other instances or scripts wrote.
    Refresh,
    /// Write the brief of an incident (by id; every incident when `None`) beside the data
    /// file.
    Export(Option<String>),
    /// Show the audit log (the runtime owns the journal that holds it).
    AuditLog,
    /// Ask the search worker this query.
    Search(String),
    /// The incidents changed: extract and compare everything again, on the worker.
    Analyse,
    /// The annotations changed which claims are listed or compared: attach and compare
    /// again on the worker.
    Recompute(Scope),
    /// Leave.
    Quit,
}

impl Effect {
    /// A journal write of `sets`, from no form.
    pub fn set(sets: Vec<(Target, Value)>) -> Effect {
        Effect::Write {
            write: Write::Set(sets),
            editor: None,
        }
    }
}
