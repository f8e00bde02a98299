//! The annotation subcommands: everything an analyst sets in the TUI, set from the command line
//! with the same journal (so the same durability, and safe beside an open TUI), plus listing
//! the annotations and exporting the brief.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

mod export;
mod listing;
mod search;
mod write;

use super::Failure;
use crate::annotate::{Analysis, Journal, JournalError, Receipt, Verdict};
use crate::config::Paths;
use crate::extract::Extractor;
use crate::model::Corpus;
use crate::store;
pub use export::export;
pub use listing::list;
pub use search::search;
pub use write::{add_claim, annotate, assess, grade, undo_redo};

/// `crosscheck annotate`.
#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// The data file.
    pub file: PathBuf,
    /// The claim (ids as `crosscheck extract FILE` prints them).
    pub claim: String,
    /// Verdict: unreviewed, confirmed, disputed, false, extraction-error, uncertain.
    #[arg(long)]
    pub verdict: Option<Verdict>,
    /// Information credibility, 1-6 (0 clears it).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=6))]
    pub grade: Option<u8>,
    /// Take the grade crosscheck suggests (1 when an independent origin agrees); fails if
    /// there is no suggestion.
    #[arg(long, conflicts_with = "grade")]
    pub accept_suggestion: bool,
    /// Replace the note ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
    /// Add a tag (repeatable).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Remove a tag (repeatable).
    #[arg(long = "untag")]
    pub untags: Vec<String>,
    /// The value the text really gives, when extraction got it wrong ("" clears it).
    #[arg(long)]
    pub corrected: Option<String>,
    /// Link to a claim stating the same fact (repeatable).
    #[arg(long = "link")]
    pub links: Vec<String>,
    /// Remove a link (repeatable).
    #[arg(long = "unlink")]
    pub unlinks: Vec<String>,
}

/// `crosscheck grade`.
#[derive(Debug, Args)]
pub struct GradeArgs {
    /// The data file.
    pub file: PathBuf,
    /// The report whose source is graded.
    pub report: String,
    /// Reliability: A (completely reliable) to F (cannot be judged); "none" clears it.
    pub reliability: String,
    /// Replace the note on the source.
    #[arg(long)]
    pub note: Option<String>,
}

/// `crosscheck assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The data file.
    pub file: PathBuf,
    /// The incident.
    pub incident: String,
    /// The slot, as `crosscheck compare` names it ("security forces killed").
    pub slot: String,
    /// The value you believe.
    #[arg(long)]
    pub best: Option<String>,
    /// The range you hold possible.
    #[arg(long)]
    pub range: Option<String>,
    /// Why.
    #[arg(long)]
    pub rationale: Option<String>,
    /// Status of the conflict: open, confirmed, dismissed, investigating, or none.
    #[arg(long)]
    pub status: Option<String>,
}

/// `crosscheck add-claim`.
#[derive(Debug, Args)]
pub struct AddClaimArgs {
    /// The data file.
    pub file: PathBuf,
    /// The report.
    pub report: String,
    /// The words of the report the claim is (exactly as in the text).
    #[arg(long)]
    pub text: String,
    /// Which occurrence of the words, from 1.
    #[arg(long, default_value_t = 1)]
    pub occurrence: usize,
    /// The kind (casualty, location, time, actor, responsibility, means, statement); without
    /// it, the first crosscheck can read in the words.
    #[arg(long)]
    pub kind: Option<String>,
    /// Who the report says said it.
    #[arg(long)]
    pub said_by: Option<String>,
}

/// `crosscheck export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The data file.
    pub file: PathBuf,
    /// Only this incident.
    #[arg(long)]
    pub incident: Option<String>,
    /// Format.
    #[arg(long, value_enum, default_value_t = BriefFormat::Markdown)]
    pub format: BriefFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// `crosscheck search`'s arguments.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The data file.
    pub file: PathBuf,
    /// What to look for: words, or letters in order (fuzzy, as `/` in the TUI).
    pub query: String,
    /// Only hits of these kinds (repeat or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<SearchKind>,
    /// At most this many hits, best first.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::Format::Text)]
    pub format: super::Format,
}

/// What a search hit can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchKind {
    /// A report's headline.
    Headline,
    /// A sentence of a report's text.
    Text,
    /// A claim's words.
    Claim,
    /// An analyst's note.
    Note,
    /// A claim's tag.
    Tag,
}

impl From<crate::search::HitKind> for SearchKind {
    fn from(kind: crate::search::HitKind) -> Self {
        use crate::search::HitKind;
        match kind {
            HitKind::Headline => SearchKind::Headline,
            HitKind::Text => SearchKind::Text,
            HitKind::Claim => SearchKind::Claim,
            HitKind::Note => SearchKind::Note,
            HitKind::Tag => SearchKind::Tag,
        }
    }
}

/// How the brief is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// Markdown, to read and paste.
    Markdown,
    /// CSV, one row per value, for spreadsheets.
    Csv,
    /// JSON, for scripts.
    Json,
    /// ACLED-style CSV: one row per incident, ACLED's columns (docs/formats/acled.md).
    Acled,
    /// UCDP GED-style CSV: one row per incident, the GED's columns (docs/formats/ucdp.md).
    Ucdp,
    /// MISP event JSON, with admiralty-scale tags (docs/formats/misp.md).
    Misp,
    /// W3C Web Annotations, JSON-LD (docs/formats/w3c.md).
    W3c,
}

impl From<JournalError> for Failure {
    fn from(e: JournalError) -> Self {
        match e {
            JournalError::Damaged(e) => Failure::BadInput(e.to_string()),
            other => Failure::Other(other.into()),
        }
    }
}

fn bad(message: String, help: &str) -> Failure {
    Failure::BadInput(format!("error: {message}\n  help: {help}"))
}

/// The user name entries are signed with.
pub fn user(paths: &Paths) -> String {
    crate::annotate::user_name(paths.user_name().as_deref())
}

/// A data file with its claims, annotations and comparisons.
struct Opened {
    corpus: Corpus,
    journal: Journal,
    analysis: Analysis,
    extractor: Extractor,
}

fn open(file: &Path, paths: &Paths) -> Result<Opened, Failure> {
    let corpus = store::load(file)?.corpus;
    let journal = open_journal(file, user(paths))?;
    let corpus = crate::annotate::regrouped(corpus, journal.annotations());
    let extractor = Extractor::default();
    let extracted = extractor.corpus(&corpus);
    let analysis = Analysis::new(
        &corpus,
        extracted,
        journal.annotations(),
        extractor.lexicon(),
    );
    Ok(Opened {
        corpus,
        journal,
        analysis,
        extractor,
    })
}

/// The journal of the data file at `file`, open for `user`; what it had to set aside is said
/// on standard error.
pub(super) fn open_journal(file: &Path, user: String) -> Result<Journal, Failure> {
    let mut journal = Journal::open(file, user)?;
    for notice in journal.take_notices() {
        tell!("warning: {notice}");
    }
    Ok(journal)
}

pub(super) fn acknowledge(receipt: &Receipt, file: &Path) {
    if let Some(warning) = &receipt.warning {
        tell!("warning: {warning}");
    }
    if receipt.others > 0 {
        tell!(
            "note: {} change(s) by another session were picked up first",
            receipt.others
        );
    }
    match &receipt.entry {
        Some(e) => say!("#{} {}", e.seq, e.describe()),
        None => say!("nothing to change in {}", file.display()),
    }
}
