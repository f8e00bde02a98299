//! The model: what is known about the file being browsed — the corpus and its grouping, the
//! claims and comparisons derived from it, and the analyst's annotations — apart from how it
//! is looked at (see [`super::view`]).

use std::sync::Arc;

use crate::annotate::{Annotations, Attached};
use crate::article_index::ArticleIndex;
use crate::compare::Comparison;
use crate::model::{Claim, Corpus};

/// The corpus being browsed, with what is derived from it once.
#[derive(Debug, Clone)]
pub struct Document {
    /// The data, shared with the workers: the data file with the analyst's grouping of
    /// reports into incidents laid over it.
    pub corpus: Arc<Corpus>,
    /// The data file as read, before the analyst's grouping.
    pub filed: Arc<Corpus>,
    /// The analyst's grouping laid over it: reports moved, incidents edited.
    pub grouping: crate::annotate::regroup::Grouping,
    /// The articles grouped by incident.
    pub index: ArticleIndex,
    /// How to name the document to the user (a path).
    pub name: String,
    /// The data file it was read from, to notice when it changes on disk; `None` for the
    /// built-in copy.
    pub source: Option<Source>,
}

/// The data file a document was read from, as it was when read.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its path.
    pub path: std::path::PathBuf,
    /// Its metadata then.
    pub stamp: Option<crate::store::Stamp>,
    /// Its bytes then.
    pub fingerprint: crate::store::Fingerprint,
}

impl Document {
    /// A document over `corpus`, named `name` in the status bar.
    pub fn new(corpus: Corpus, name: impl Into<String>) -> Self {
        let index = ArticleIndex::build(&corpus);
        let corpus = Arc::new(corpus);
        Document {
            filed: Arc::clone(&corpus),
            corpus,
            index,
            name: name.into(),
            grouping: Default::default(),
            source: None,
        }
    }
}

/// Annotation state derived for display: where annotations landed and how many claims are
/// reviewed, kept current by each write so drawing never counts.
#[derive(Debug, Clone, Default)]
pub struct NoteView {
    /// Claims as extracted (before manual claims are added), per report.
    pub extracted: Option<Arc<Vec<Vec<Claim>>>>,
    /// Where each annotation landed.
    pub attached: Attached,
    /// Per report: (reviewed, all) claims.
    pub reviewed: Vec<(usize, usize)>,
    /// Per article-list group: (reviewed, all) claims of its reports.
    pub group_reviewed: Vec<(usize, usize)>,
}

/// Everything known about the file, as of the last write and the last worker reply.
#[derive(Debug, Clone)]
pub struct Model {
    /// The document.
    pub doc: Document,
    /// Claims of every report, manual ones included, in corpus order; `None` while
    /// extraction runs.
    pub claims: Option<Arc<Vec<Vec<Claim>>>>,
    /// The comparison of each incident, in file order; `None` while it is computed.
    pub comparisons: Option<Arc<Vec<Comparison>>>,
    /// The analyst's annotations as last written or read; `None` when the file has none to
    /// keep (the built-in sample) or they could not be read.
    pub annotations: Option<Arc<Annotations>>,
    /// Counts the changes to `annotations`, so a worker's reply computed from older ones is
    /// recognised.
    pub version: u64,
    /// Counts the documents shown (a regrouping or a reload makes a new one), so a worker's
    /// reply about an older one is dropped.
    pub generation: u64,
    /// Where annotations landed, and review counts.
    pub notes: NoteView,
    /// True while the worker compares again after a change; the comparison shown is the one
    /// before it.
    pub comparing: bool,
}

impl Model {
    /// A model of `doc`, before any analysis.
    pub fn new(doc: Document) -> Self {
        Model {
            doc,
            claims: None,
            comparisons: None,
            annotations: None,
            version: 0,
            generation: 0,
            notes: NoteView::default(),
            comparing: false,
        }
    }

    /// The claims listed for report `r`.
    pub fn claims_of(&self, r: usize) -> &[Claim] {
        self.claims
            .as_ref()
            .and_then(|all| all.get(r))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The annotation of `claim`, if it has one.
    pub fn note_of(&self, claim: &Claim) -> Option<&crate::annotate::ClaimNote> {
        let annotations = self.annotations.as_ref()?;
        self.notes.attached.note_of(annotations, &claim.id)
    }

    /// What annotating `claim` changes: its annotation's key, and where it is now.
    pub fn claim_target(&self, claim: &Claim) -> crate::annotate::Target {
        self.notes.attached.target_of(claim)
    }

    /// The comparison of incident `i` (corpus index), when computed.
    pub fn comparison(&self, i: usize) -> Option<&Comparison> {
        self.comparisons.as_ref()?.get(i)
    }

    /// Report `r`'s (reviewed, all) claims as listed.
    pub fn reviewed_of(&self, r: usize) -> (usize, usize) {
        let claims = self.claims_of(r);
        match &self.annotations {
            Some(a) => self.notes.attached.reviewed(a, claims),
            None => (0, claims.len()),
        }
    }

    /// Group `g`'s (reviewed, all) claims: the sum over its reports' counts.
    pub fn group_sum(&self, g: usize) -> (usize, usize) {
        self.doc.index.groups[g]
            .reports
            .iter()
            .fold((0, 0), |acc, &x| {
                let (d, a) = self.notes.reviewed.get(x).copied().unwrap_or_default();
                (acc.0 + d, acc.1 + a)
            })
    }
}
