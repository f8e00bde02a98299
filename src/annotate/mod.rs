//! The analyst's judgements: verdicts, grades, notes, tags, corrections, links, source
//! reliability, conflict statuses and assessments ([`state`]), kept durable in a journal
//! beside the data file ([`journal`]), found again on their claims when extraction changes
//! ([`attach`]), with the grade crosscheck suggests ([`suggest`]) and the brief they export to
//! ([`brief`]).

pub mod analysis;
pub mod attach;
pub mod brief;
pub mod formats;
pub mod grades;
pub mod journal;
pub mod manual;
pub mod regroup;
pub mod state;
pub mod suggest;

pub use analysis::Analysis;
pub use attach::{
    Attached, Attachment, Compared, attach, for_comparison, is_extraction_error, with_manual,
};
pub use grades::{ConflictStatus, Credibility, Reliability, Verdict};
pub use journal::{Entry, EntryKind, Journal, JournalError, Receipt, SidecarPaths, user_name};
pub use regroup::{IncidentEdit, RegroupError, regrouped};
pub use state::{
    Anchor, Annotations, Assessment, Change, ClaimNote, Edit, Exclusion, SlotNote, SourceNote,
    Target, Value,
};
pub use suggest::{Suggestion, suggest};
