//! Claims, annotations and comparisons together: what the CLI and the TUI show once a file
//! and its annotations are read.

use super::attach::{Attached, attach, for_comparison, with_manual};
use super::state::Annotations;
use crate::compare::{Comparison, compare_all};
use crate::extract::lexicon::Lexicon;
use crate::model::{Claim, Corpus};

/// A corpus analysed with the analyst's annotations taken into account.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Claims as extracted, per report in corpus order.
    pub extracted: Vec<Vec<Claim>>,
    /// Claims as listed: the extracted ones and the manual ones.
    pub listed: Vec<Vec<Claim>>,
    /// Where each annotation landed.
    pub attached: Attached,
    /// The comparison of each incident (in file order), without claims marked as
    /// extraction errors.
    pub comparisons: Vec<Comparison>,
}

impl Analysis {
    /// Attach `annotations` to `extracted` and compare every incident.
    pub fn new(
        corpus: &Corpus,
        extracted: Vec<Vec<Claim>>,
        annotations: &Annotations,
        lex: &Lexicon,
    ) -> Self {
        let attached = attach(annotations, corpus, &extracted);
        let listed = with_manual(&extracted, &attached);
        let comparisons = compare_all(
            corpus,
            &for_comparison(&listed, annotations, &attached),
            lex,
        );
        Analysis {
            extracted,
            listed,
            attached,
            comparisons,
        }
    }

    /// The claim now called `id`, with its report's corpus index.
    pub fn claim(&self, id: &str) -> Option<(usize, &Claim)> {
        self.listed
            .iter()
            .enumerate()
            .find_map(|(r, claims)| claims.iter().find(|c| c.id == id).map(|c| (r, c)))
    }

    /// The comparison of incident `id`.
    pub fn comparison(&self, id: &str) -> Option<&Comparison> {
        self.comparisons.iter().find(|c| c.incident == id)
    }
}
