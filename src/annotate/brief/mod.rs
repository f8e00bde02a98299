//! The analyst's brief: per incident and slot, the assessed value, each source's value with
//! the source's reliability and the claim's verdict and grade, the conflicts and their status,
//! and the notes. One structure, written as Markdown, CSV or JSON; the TUI and the CLI export
//! the same.

mod csv;
mod markdown;

pub use csv::{csv, csv_field};
pub use markdown::markdown;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::attach::Attached;
use super::grades::{ConflictStatus, Credibility, Reliability, Verdict};
use super::state::{Annotations, Assessment, ClaimNote};
use crate::compare::{Comparison, Estimate, Status};
use crate::model::{Claim, Corpus};

/// The brief of one or more incidents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    /// The data file.
    pub file: String,
    /// When it was written.
    pub generated: String,
    /// The incidents.
    pub incidents: Vec<IncidentBrief>,
    /// Annotations whose claims are gone, by key, with what they said.
    pub orphans: Vec<OrphanBrief>,
}

/// One incident of the brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentBrief {
    /// Incident id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Reports, distinct texts, independent origins.
    pub articles: usize,
    /// Independent origins.
    pub independent_origins: usize,
    /// Claims reviewed, of all claims its reports list (as the article list counts them).
    pub reviewed: usize,
    /// All claims about the incident.
    pub claims: usize,
    /// The slots, conflicts first.
    pub slots: Vec<SlotBrief>,
    /// The sources, with their grades.
    pub sources: Vec<SourceBrief>,
    /// Annotated claims with a note, tags or a correction, in report order.
    pub notes: Vec<NoteBrief>,
    /// Reports whose text says inconsistent things.
    pub flags: Vec<String>,
}

/// One slot of the brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlotBrief {
    /// What the slot is.
    pub slot: String,
    /// How the sources relate, as computed.
    pub status: Status,
    /// The analyst's status of the conflict.
    pub conflict_status: Option<ConflictStatus>,
    /// The analyst's assessment.
    pub assessment: Option<Assessment>,
    /// crosscheck's estimate, for counts.
    pub estimate: Option<Estimate>,
    /// Independent origins behind the values.
    pub independent_origins: usize,
    /// Each source's value.
    pub values: Vec<ValueBrief>,
    /// Values the analyst left out of the slot, with why: (value, reason).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<(String, String)>,
    /// Slots the analyst merged into this one (two names of one thing), whose values are
    /// among `values`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

/// One source's value in a slot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueBrief {
    /// Report id.
    pub report: String,
    /// Claim id.
    pub claim: String,
    /// The value.
    pub value: String,
    /// Who the report says said it.
    pub attribution: String,
    /// Its origin.
    pub origin: String,
    /// Replaced by a later figure of the same origin.
    pub superseded: bool,
    /// The source's reliability.
    pub reliability: Option<Reliability>,
    /// The claim's verdict.
    pub verdict: Verdict,
    /// The claim's credibility.
    pub grade: Option<Credibility>,
    /// The corrected value, if any.
    pub corrected: Option<String>,
}

/// One source of an incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceBrief {
    /// Report id.
    pub report: String,
    /// Outlet, else the wire agency, or "unknown outlet".
    pub outlet: String,
    /// The outlet is inferred, not printed in the report (shown with "?").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub outlet_inferred: bool,
    /// Headline.
    pub headline: String,
    /// Reliability grade.
    pub reliability: Option<Reliability>,
    /// The analyst's note on the source.
    pub note: String,
    /// Claims reviewed / all claims the report lists.
    pub reviewed: usize,
    /// All claims the report lists.
    pub claims: usize,
}

/// A claim the analyst wrote something on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteBrief {
    /// Report id.
    pub report: String,
    /// Claim id.
    pub claim: String,
    /// The claim's words.
    pub text: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Credibility.
    pub grade: Option<Credibility>,
    /// Note.
    pub note: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Corrected value.
    pub corrected: Option<String>,
    /// Claims linked to it (same fact).
    pub linked: Vec<String>,
}

/// An annotation whose claim is gone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrphanBrief {
    /// The key it is kept under.
    pub key: String,
    /// The report it was on.
    pub report: String,
    /// The claim's words when annotated.
    pub text: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its note.
    pub note: String,
}

/// Everything a brief is built from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The corpus.
    pub corpus: &'a Corpus,
    /// The data file's name.
    pub file: &'a str,
    /// Claims per report (manual claims included), in corpus order.
    pub claims: &'a [Vec<Claim>],
    /// Comparison of each incident, in file order.
    pub comparisons: &'a [Comparison],
    /// The annotations.
    pub annotations: &'a Annotations,
    /// Where they landed.
    pub attached: &'a Attached,
}

/// A slot of incident `incident` as the brief gives it: the analyst's status and
/// assessment, and each value with the review of its claim and its source's grade.
fn slot_brief(
    annotations: &Annotations,
    attached: &Attached,
    incident: &str,
    slot: &crate::compare::Slot,
) -> SlotBrief {
    let note = annotations.slot(incident, &slot.slot);
    let reliability = |report: &str| annotations.sources.get(report).and_then(|s| s.reliability);
    SlotBrief {
        slot: slot.slot.clone(),
        status: slot.status,
        conflict_status: note.and_then(|n| n.status),
        assessment: note.and_then(|n| n.assessment.clone()),
        estimate: slot.estimate.clone(),
        independent_origins: slot.independent_origins,
        values: slot
            .values
            .iter()
            .map(|v| {
                let n = attached.note_of(annotations, &v.claim);
                ValueBrief {
                    report: v.report.clone(),
                    claim: v.claim.clone(),
                    value: v.value.clone(),
                    attribution: v.attribution.clone(),
                    origin: v.origin.clone(),
                    superseded: v.superseded,
                    reliability: reliability(&v.report),
                    verdict: n.map_or(Verdict::Unreviewed, |n| n.verdict),
                    grade: n.and_then(|n| n.grade),
                    corrected: n.and_then(|n| n.corrected.clone()),
                }
            })
            .collect(),
        left_out: note
            .into_iter()
            .flat_map(|n| n.excluded.values())
            .map(|e| (e.value.clone(), e.reason.clone()))
            .collect(),
        merged: annotations
            .merged_into(incident, &slot.slot)
            .cloned()
            .collect(),
    }
}

/// A report's line in the brief's sources table.
fn source_brief(
    annotations: &Annotations,
    report: &crate::model::Report,
    reviewed: usize,
    claims: usize,
) -> SourceBrief {
    let source = annotations.sources.get(&report.id);
    // Who published it: the outlet, else the wire (as every pane names it).
    let field = if report.outlet.is_unknown() {
        &report.wire
    } else {
        &report.outlet
    };
    SourceBrief {
        report: report.id.clone(),
        outlet: field
            .value()
            .cloned()
            .unwrap_or_else(|| "unknown outlet".into()),
        outlet_inferred: field.is_inferred(),
        headline: report.headline.value().cloned().unwrap_or_default(),
        reliability: source.and_then(|s| s.reliability),
        note: source.map(|s| s.note.clone()).unwrap_or_default(),
        reviewed,
        claims,
    }
}

/// The analyst's notes, tags, corrections and links on a report's claims `about` the incident.
fn note_briefs(
    annotations: &Annotations,
    attached: &Attached,
    report: &crate::model::Report,
    about: &[&Claim],
) -> Vec<NoteBrief> {
    let mut notes = Vec::new();
    for c in about {
        let Some(n) = attached.note_of(annotations, &c.id) else {
            continue;
        };
        let linked: Vec<String> = annotations.linked_to(&c.id).map(str::to_string).collect();
        if n.note.is_empty() && n.tags.is_empty() && n.corrected.is_none() && linked.is_empty() {
            continue;
        }
        notes.push(NoteBrief {
            report: report.id.clone(),
            claim: c.id.clone(),
            text: c.text.clone(),
            verdict: n.verdict,
            grade: n.grade,
            note: n.note.clone(),
            tags: n.tags.iter().cloned().collect(),
            corrected: n.corrected.clone(),
            linked,
        });
    }
    notes
}

/// What every incident's brief needs of the whole file, worked out once: a brief is made
/// incident by incident, so that an export can write each as soon as it is made.
pub struct Builder<'a> {
    inputs: Inputs<'a>,
    members_of: FxHashMap<String, Vec<usize>>,
    report_index: FxHashMap<&'a str, usize>,
}

impl<'a> Builder<'a> {
    /// Index `inputs`.
    pub fn new(inputs: Inputs<'a>) -> Self {
        Builder {
            inputs,
            members_of: crate::compare::members(inputs.corpus, inputs.claims),
            report_index: inputs
                .corpus
                .reports
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.as_str(), i))
                .collect(),
        }
    }

    /// What the brief is built from.
    pub fn inputs(&self) -> Inputs<'a> {
        self.inputs
    }

    /// The reports compared on incident `id`, as indices into the corpus.
    pub fn members(&self, id: &str) -> &[usize] {
        self.members_of
            .get(id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The comparisons whose incidents the brief covers: all, or `only`.
    pub fn comparisons<'b>(
        &self,
        only: Option<&'b str>,
    ) -> impl Iterator<Item = &'a Comparison> + use<'a, 'b> {
        self.inputs
            .comparisons
            .iter()
            .filter(move |c| only.is_none_or(|o| o == c.incident))
    }

    /// The brief of the incident `cmp` compares.
    pub fn incident(&self, cmp: &Comparison) -> IncidentBrief {
        let Inputs {
            corpus,
            claims,
            annotations,
            attached,
            ..
        } = self.inputs;
        let note_of = |id: &str| attached.note_of(annotations, id);
        let members = self
            .members_of
            .get(&cmp.incident)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut total = 0;
        let mut reviewed_total = 0;
        let mut sources = Vec::new();
        let mut notes = Vec::new();
        for &r in members {
            let report = &corpus.reports[r];
            let about: Vec<&Claim> = claims
                .get(r)
                .into_iter()
                .flatten()
                .filter(|c| c.incident == cmp.incident)
                .collect();
            // Review is counted over every claim the report lists, as the article list and
            // the claims pane count it, so the three always agree.
            let listed = claims.get(r).map_or(&[][..], Vec::as_slice);
            let reviewed = listed
                .iter()
                .filter(|c| note_of(&c.id).is_some_and(ClaimNote::reviewed))
                .count();
            total += listed.len();
            reviewed_total += reviewed;
            sources.push(source_brief(annotations, report, reviewed, listed.len()));
            notes.extend(note_briefs(annotations, attached, report, &about));
        }
        IncidentBrief {
            id: cmp.incident.clone(),
            title: cmp.title.clone(),
            articles: cmp.counts.articles,
            independent_origins: cmp.counts.independent_origins,
            reviewed: reviewed_total,
            claims: total,
            slots: cmp
                .slots
                .iter()
                .map(|slot| slot_brief(annotations, attached, &cmp.incident, slot))
                .collect(),
            sources,
            notes,
            flags: cmp
                .flags
                .iter()
                .map(|f| format!("{}: {}", f.report, f.message))
                .collect(),
        }
    }

    /// The annotations whose claims are gone, of every report or of `only`'s.
    pub fn orphans(&self, only: Option<&str>) -> Vec<OrphanBrief> {
        let Inputs {
            corpus,
            annotations,
            attached,
            ..
        } = self.inputs;
        attached
            .orphans
            .iter()
            .filter_map(|key| {
                let n = annotations.claims.get(key)?;
                let wanted = only.is_none_or(|o| {
                    self.report_index
                        .get(n.anchor.report.as_str())
                        .is_some_and(|&r| corpus.reports[r].incidents.iter().any(|i| i == o))
                });
                wanted.then(|| OrphanBrief {
                    key: key.clone(),
                    report: n.anchor.report.clone(),
                    text: n.anchor.text.clone(),
                    verdict: n.verdict,
                    note: n.note.clone(),
                })
            })
            .collect()
    }
}

/// Now, to the second, as the brief's `generated` field gives it.
pub fn generated_now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Build the brief of every incident, or of `only`.
pub fn build(inputs: Inputs<'_>, only: Option<&str>) -> Brief {
    build_with(&Builder::new(inputs), only)
}

/// [`build`] with the file already indexed.
pub fn build_with(builder: &Builder<'_>, only: Option<&str>) -> Brief {
    Brief {
        file: builder.inputs().file.to_string(),
        generated: generated_now(),
        incidents: builder
            .comparisons(only)
            .map(|c| builder.incident(c))
            .collect(),
        orphans: builder.orphans(only),
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn formula_cells_are_text() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_field("35-55"), "35-55");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
    }
}
