//! What the analysis worker hands back: the claims of every report with the annotations laid
//! on them, and the comparisons of the incidents. Each reply names the document generation
//! and annotation version it was computed from, so a late reply is recognised.

use std::sync::Arc;

use crate::annotate::Attached;
use crate::compare::Comparison;
use crate::model::Claim;

/// Claims and annotation state derived on the worker.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The document generation it was computed for.
    pub generation: u64,
    /// The annotation version it was computed from.
    pub version: u64,
    /// Claims as extracted, per report.
    pub extracted: Arc<Vec<Vec<Claim>>>,
    /// Claims as listed: extracted and manual ones.
    pub listed: Arc<Vec<Vec<Claim>>>,
    /// Where each annotation landed.
    pub attached: Attached,
    /// Per report: (reviewed, all) claims.
    pub reviewed: Vec<(usize, usize)>,
}

/// Comparisons computed on the worker.
#[derive(Debug, Clone)]
pub enum Patch {
    /// Every incident's, in file order.
    All(Vec<Comparison>),
    /// These incidents' (corpus index), the others unchanged.
    Incidents(Vec<(usize, Comparison)>),
    /// None changed.
    None,
}

/// A reply of the analysis worker.
#[derive(Debug, Clone)]
pub enum Analysis {
    /// The claims, first: the panes can list them while the comparisons are made.
    Claims(Derived),
    /// The comparisons of a document generation.
    Comparisons {
        /// The document generation.
        generation: u64,
        /// The comparisons.
        patch: Patch,
    },
    /// Claims and comparisons made again after the annotations changed.
    Recomputed {
        /// The claims and annotation state.
        derived: Derived,
        /// The comparisons that changed.
        patch: Patch,
    },
}
