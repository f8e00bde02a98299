//! What every slot builder needs of one incident: its reports, their claims about it, how
//! their texts group into origins, and how to make a [`Value`] of a claim.

use rustc_hash::FxHashMap;

use super::origins::{self, Classes, Origin, Passage};
use super::{Value, snake_origin};
use crate::extract::lexicon::Lexicon;
use crate::model::{Claim, Corpus, Report};

/// One incident's reports and claims, with their origins worked out.
pub struct Context<'a> {
    /// The corpus.
    pub corpus: &'a Corpus,
    /// The incident's reports (corpus indices), in corpus order.
    pub members: Vec<usize>,
    /// Those reports.
    pub reports: Vec<&'a Report>,
    /// Their sentences as passages, for reuse.
    pub passages: Vec<Passage>,
    /// Passages grouped into classes of one text.
    pub classes: Classes,
    /// Passages two reports share, by pair of local indices.
    pub pair_counts: FxHashMap<(usize, usize), usize>,
    /// Each report's origin (local index → index into `origins`).
    pub group_of: Vec<usize>,
    /// The independent origins.
    pub origins: Vec<Origin>,
    /// The claims about the incident: (corpus index, claim).
    pub about: Vec<(usize, &'a Claim)>,
    local_of: FxHashMap<usize, usize>,
    lex: &'a Lexicon,
}

impl<'a> Context<'a> {
    /// The context of incident `id` over its `members`.
    pub fn new(
        corpus: &'a Corpus,
        claims: &'a [Vec<Claim>],
        id: &str,
        members: &[usize],
        lex: &'a Lexicon,
    ) -> Self {
        let members: Vec<usize> = members.to_vec();
        let reports: Vec<&Report> = members.iter().map(|&r| &corpus.reports[r]).collect();
        let passages = origins::passages(&reports);
        let classes = origins::classes(&passages);
        let pair_counts = classes.pair_counts(&passages);
        let (group_of, origins) = origins::group(&reports, &pair_counts);
        let local_of = members.iter().enumerate().map(|(l, &r)| (r, l)).collect();
        let about = members
            .iter()
            .flat_map(|&r| claims.get(r).into_iter().flatten().map(move |c| (r, c)))
            .filter(|(_, c)| c.incident == id)
            .collect();
        Context {
            corpus,
            members,
            reports,
            passages,
            classes,
            pair_counts,
            group_of,
            origins,
            about,
            local_of,
            lex,
        }
    }

    /// The local index of report `r` (corpus index), if it is a member.
    pub fn local(&self, r: usize) -> Option<usize> {
        self.local_of.get(&r).copied()
    }

    /// When report `r` was published, as a sort key.
    pub fn when(&self, r: usize) -> Option<jiff::civil::DateTime> {
        self.corpus.reports[r]
            .published
            .value()
            .map(crate::model::Published::sort_key)
    }

    /// The origin a claim's value comes from: a wire agency's, the officials', or its
    /// report's origin.
    pub fn origin_key(&self, r: usize, c: &Claim) -> String {
        let group = self.local(r).map_or(0, |l| self.group_of[l]);
        snake_origin(c, &self.origins[group], self.lex)
    }

    /// The value of claim `c` of report `r`, as the interval [`low`, `high`].
    pub fn value(&self, r: usize, c: &Claim, low: Option<f64>, high: Option<f64>) -> Value {
        let report = &self.corpus.reports[r];
        Value {
            report: report.id.clone(),
            claim: c.id.clone(),
            value: c.value().to_string(),
            low,
            high,
            hedge: c.hedge,
            attribution: c.attribution.to_string(),
            origin: self.origin_key(r, c),
            published: report.published.value().map(ToString::to_string),
            superseded: false,
        }
    }
}
