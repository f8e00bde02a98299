//! What the analyst has decided, as it stands now: the state the journal's changes build up.
//! Plain data; [`Annotations::apply`] is the only way it changes.

mod apply;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::grades::{ConflictStatus, Credibility, Reliability, Verdict};
use super::regroup::IncidentEdit;
use crate::model::Claim;

/// Where an annotated claim was when it was annotated: enough to find it again when
/// extraction changes and its id with it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Anchor {
    /// The report's id.
    pub report: String,
    /// The claim's kind (`casualty`, `location`, ...).
    pub kind: String,
    /// Byte offsets of the claim's words in the report body.
    pub span: [usize; 2],
    /// The claim's words.
    pub text: String,
}

impl Anchor {
    /// The anchor of `claim`.
    pub fn of(claim: &Claim) -> Self {
        Anchor {
            report: claim.report.clone(),
            kind: claim.kind().id().to_string(),
            span: claim.span,
            text: claim.text.clone(),
        }
    }
}

/// The analyst's annotation of one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimNote {
    /// Where the claim is.
    pub anchor: Anchor,
    /// The verdict.
    #[serde(default = "unreviewed")]
    pub verdict: Verdict,
    /// Information credibility, 1–6.
    #[serde(default)]
    pub grade: Option<Credibility>,
    /// Free text, several lines.
    #[serde(default)]
    pub note: String,
    /// Tags, sorted.
    #[serde(default)]
    pub tags: BTreeSet<String>,
    /// The value the text really gives, when extraction got it wrong.
    #[serde(default)]
    pub corrected: Option<String>,
}

fn unreviewed() -> Verdict {
    Verdict::Unreviewed
}

impl ClaimNote {
    /// A blank annotation of the claim at `anchor`.
    pub fn new(anchor: Anchor) -> Self {
        ClaimNote {
            anchor,
            verdict: Verdict::Unreviewed,
            grade: None,
            note: String::new(),
            tags: BTreeSet::new(),
            corrected: None,
        }
    }

    /// True when the analyst has looked at the claim: any verdict but unreviewed.
    pub fn reviewed(&self) -> bool {
        self.verdict != Verdict::Unreviewed
    }
}

/// The analyst's view of a report's source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceNote {
    /// Reliability, A–F.
    #[serde(default)]
    pub reliability: Option<Reliability>,
    /// Free text.
    #[serde(default)]
    pub note: String,
}

/// The analyst's assessment of one slot of an incident (a figure, a place, a date).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The value the analyst believes ("52").
    #[serde(default)]
    pub best: String,
    /// The range they hold possible ("35-55").
    #[serde(default)]
    pub range: String,
    /// Why.
    #[serde(default)]
    pub rationale: String,
}

impl Assessment {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.best.trim().is_empty()
            && self.range.trim().is_empty()
            && self.rationale.trim().is_empty()
    }
}

/// A value the analyst took out of a slot: the claim says it, but it is not about this
/// slot ("not about this event", "the caption's town, not the site"). Unlike an extraction
/// error, the claim stays listed and reviewable; only this comparison leaves it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    /// Where the claim is, to find it again if extraction renames it.
    pub anchor: Anchor,
    /// The value as the comparison showed it ("35+ · Security and medical sources").
    pub value: String,
    /// Why.
    #[serde(default)]
    pub reason: String,
}

/// The analyst's annotation of one slot of an incident's comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SlotNote {
    /// The status of the conflict, when the slot is one.
    #[serde(default)]
    pub status: Option<ConflictStatus>,
    /// The analyst's assessment.
    #[serde(default)]
    pub assessment: Option<Assessment>,
    /// Values taken out of the slot, by the claim id they were taken out under.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub excluded: BTreeMap<String, Exclusion>,
    /// The slot of the same kind this one is the same thing as ("means: bombs" into "means:
    /// explosive devices"): its values are compared there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

/// What an action changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Target {
    /// A claim, by the id it had when annotated, and where it was.
    Claim {
        /// The claim's id.
        id: String,
        /// Where it was.
        anchor: Anchor,
    },
    /// A report's source, by report id.
    Source(String),
    /// A slot of an incident's comparison.
    Slot {
        /// The incident's id.
        incident: String,
        /// The slot's name ("security forces killed").
        slot: String,
    },
    /// A link between two claims that state the same fact (ids in order).
    Link(String, String),
    /// A claim the analyst made from a span of text, by id.
    Manual(String),
    /// The incidents a report covers, by report id.
    Membership(String),
    /// An incident's record, by incident id.
    Incident(String),
}

impl Target {
    /// A link between `a` and `b`, whichever order they come in.
    pub fn link(a: &str, b: &str) -> Target {
        if a <= b {
            Target::Link(a.to_string(), b.to_string())
        } else {
            Target::Link(b.to_string(), a.to_string())
        }
    }

    /// The target in words, for the audit log.
    pub fn describe(&self) -> String {
        match self {
            Target::Claim { id, anchor } => {
                format!("claim {id} ({:?})", crate::text::fit(&anchor.text, 32))
            }
            Target::Source(report) => format!("source of {report}"),
            Target::Slot { incident, slot } => format!("slot {slot:?} of {incident}"),
            Target::Link(a, b) => format!("link {a} = {b}"),
            Target::Manual(id) => format!("manual claim {id}"),
            Target::Membership(report) => format!("report {report}"),
            Target::Incident(id) => format!("incident {id}"),
        }
    }
}

/// A value of one field of a target. Which field it sets is given by the variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A claim's verdict.
    Verdict(Verdict),
    /// A claim's credibility grade.
    Grade(Option<Credibility>),
    /// A claim's or a source's notes.
    Note(String),
    /// A claim's tags.
    Tags(BTreeSet<String>),
    /// A claim's corrected value.
    Corrected(Option<String>),
    /// A source's reliability.
    Reliability(Option<Reliability>),
    /// A conflict's status.
    Status(Option<ConflictStatus>),
    /// A slot's assessment.
    Assessment(Option<Assessment>),
    /// Whether two claims are linked.
    Linked(bool),
    /// A manual claim, or none (deleted).
    Manual(Option<Box<Claim>>),
    /// The incidents a report covers, main first; `None` as the data file has them.
    Membership(Option<Vec<String>>),
    /// An incident's record as the analyst set it; `None` as the data file has it.
    Incident(Option<IncidentEdit>),
    /// A slot's value taken out (with why) or put back (`None`), by claim id.
    Excluded(String, Option<Box<Exclusion>>),
    /// A slot merged into another of its kind (by name), or apart again (`None`).
    MergedInto(Option<String>),
}

impl Value {
    /// The value in words, for the audit log and the status bar.
    pub fn describe(&self) -> String {
        let or_none = |s: Option<&str>| s.map_or_else(|| "none".to_string(), str::to_string);
        match self {
            Value::Verdict(v) => format!("verdict {v}"),
            Value::Grade(g) => format!("grade {}", or_none(g.map(Credibility::id))),
            Value::Note(n) if n.is_empty() => "no note".to_string(),
            Value::Note(n) => format!(
                "note {:?}",
                crate::text::fit(n.lines().next().unwrap_or(""), 40)
            ),
            Value::Tags(t) if t.is_empty() => "no tags".to_string(),
            Value::Tags(t) => format!("tags {}", t.iter().cloned().collect::<Vec<_>>().join(", ")),
            Value::Corrected(c) => format!("corrected value {}", or_none(c.as_deref())),
            Value::Reliability(r) => format!("reliability {}", or_none(r.map(Reliability::id))),
            Value::Status(s) => format!("status {}", or_none(s.map(ConflictStatus::id))),
            Value::Assessment(None) => "no assessment".to_string(),
            Value::Assessment(Some(a)) => format!("assessment {:?} ({})", a.best, a.range),
            Value::Linked(true) => "linked".to_string(),
            Value::Linked(false) => "unlinked".to_string(),
            Value::Manual(Some(c)) => format!("manual claim {:?}", c.text),
            Value::Manual(None) => "manual claim deleted".to_string(),
            Value::Membership(None) => "incidents as filed".to_string(),
            Value::Membership(Some(ids)) => format!("under {}", ids.join(", ")),
            Value::Incident(None) => "as filed".to_string(),
            Value::Incident(Some(edit)) => edit.describe(),
            Value::Excluded(_, Some(e)) if e.reason.is_empty() => {
                format!("{} left out", crate::text::fit(&e.value, 40))
            }
            Value::Excluded(_, Some(e)) => format!(
                "{} left out: {}",
                crate::text::fit(&e.value, 40),
                crate::text::fit(&e.reason, 40)
            ),
            Value::Excluded(claim, None) => format!("{claim} put back"),
            Value::MergedInto(Some(slot)) => format!("merged into {slot:?}"),
            Value::MergedInto(None) => "apart".to_string(),
        }
    }
}

/// One field of one target, from `before` to `after`. Undo applies it the other way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// What it changes.
    pub target: Target,
    /// The value before.
    pub before: Value,
    /// The value after.
    pub after: Value,
}

impl Change {
    /// The same change, undone.
    pub fn inverted(&self) -> Change {
        Change {
            target: self.target.clone(),
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// The change in words: "claim c1 (\"55\"): verdict disputed".
    pub fn describe(&self) -> String {
        format!("{}: {}", self.target.describe(), self.after.describe())
    }
}

/// How an action changes one field, settled against the state on disk at the moment of
/// writing (under the journal's lock), so that two writers never undo each other unseen: a
/// tag added by one survives the other adding another.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set the field to this value.
    Set(Value),
    /// Add and remove tags of a claim, leaving the others as they are.
    Tags {
        /// Tags to add.
        add: BTreeSet<String>,
        /// Tags to remove.
        remove: BTreeSet<String>,
    },
}

impl Edit {
    /// The edit that turns the tag set `before` into `after`, as additions and removals.
    pub fn tags_between(before: &BTreeSet<String>, after: &BTreeSet<String>) -> Edit {
        Edit::Tags {
            add: after.difference(before).cloned().collect(),
            remove: before.difference(after).cloned().collect(),
        }
    }
}

/// Everything the analyst has decided.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Claim annotations, by the claim id they were made under.
    #[serde(default)]
    pub claims: BTreeMap<String, ClaimNote>,
    /// Source annotations, by report id.
    #[serde(default)]
    pub sources: BTreeMap<String, SourceNote>,
    /// Slot annotations, by incident id then slot name.
    #[serde(default)]
    pub slots: BTreeMap<String, BTreeMap<String, SlotNote>>,
    /// Links between claims stating the same fact, each pair in order.
    #[serde(default)]
    pub links: BTreeSet<(String, String)>,
    /// Claims the analyst made, by id.
    #[serde(default)]
    pub manual: BTreeMap<String, Claim>,
    /// The incidents of reports the analyst moved, by report id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub memberships: BTreeMap<String, Vec<String>>,
    /// Incidents the analyst made, edited or merged away, by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub incidents: BTreeMap<String, IncidentEdit>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Anchor {
        Anchor {
            report: "r1".into(),
            kind: "casualty".into(),
            span: [10, 20],
            text: "55 killed".into(),
        }
    }

    fn claim_target() -> Target {
        Target::Claim {
            id: "c1".into(),
            anchor: anchor(),
        }
    }

    #[test]
    fn changes_apply_and_invert() {
        let mut a = Annotations::default();
        let set = a.change(claim_target(), Value::Verdict(Verdict::Disputed));
        assert_eq!(set.before, Value::Verdict(Verdict::Unreviewed));
        a.apply(&set);
        assert_eq!(a.claims["c1"].verdict, Verdict::Disputed);
        let grade = a.change(claim_target(), Value::Grade(Credibility::from_number(3)));
        a.apply(&grade);
        a.apply(&grade.inverted());
        assert_eq!(a.claims["c1"].grade, None);
        a.apply(&set.inverted());
        // Back to blank: nothing is kept for the claim.
        assert!(a.claims.is_empty());
    }

    #[test]
    fn links_are_unordered_and_sources_and_slots_clear_when_blank() {
        let mut a = Annotations::default();
        a.apply(&a.change(Target::link("b", "a"), Value::Linked(true)));
        assert_eq!(a.linked_to("b").collect::<Vec<_>>(), ["a"]);
        assert_eq!(a.linked_to("a").collect::<Vec<_>>(), ["b"]);
        let grade = a.change(
            Target::Source("r1".into()),
            Value::Reliability(Some(Reliability::B)),
        );
        a.apply(&grade);
        assert_eq!(a.sources["r1"].reliability, Some(Reliability::B));
        a.apply(&grade.inverted());
        assert!(a.sources.is_empty());
        let slot = Target::Slot {
            incident: "i".into(),
            slot: "killed".into(),
        };
        let blank = a.change(slot, Value::Assessment(Some(Assessment::default())));
        a.apply(&blank);
        assert!(a.slots.is_empty(), "an empty assessment is no assessment");
    }
}
