//! What the analyst has decided, as it stands now: the state the journal's changes build up.
//! Plain data; [`Annotations::apply`] is the only way it changes.

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

/// The analyst's annotation of one slot of an incident's comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SlotNote {
    /// The status of the conflict, when the slot is one.
    #[serde(default)]
    pub status: Option<ConflictStatus>,
    /// The analyst's assessment.
    #[serde(default)]
    pub assessment: Option<Assessment>,
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

impl Annotations {
    /// The current value of the field `like` names on `target` (`like` only says which field).
    pub fn current(&self, target: &Target, like: &Value) -> Value {
        match target {
            Target::Claim { id, .. } => {
                let note = self.claims.get(id);
                match like {
                    Value::Verdict(_) => {
                        Value::Verdict(note.map_or(Verdict::Unreviewed, |n| n.verdict))
                    }
                    Value::Grade(_) => Value::Grade(note.and_then(|n| n.grade)),
                    Value::Note(_) => Value::Note(note.map(|n| n.note.clone()).unwrap_or_default()),
                    Value::Tags(_) => Value::Tags(note.map(|n| n.tags.clone()).unwrap_or_default()),
                    Value::Corrected(_) => Value::Corrected(note.and_then(|n| n.corrected.clone())),
                    other => other.clone(),
                }
            }
            Target::Source(report) => {
                let note = self.sources.get(report);
                match like {
                    Value::Reliability(_) => Value::Reliability(note.and_then(|n| n.reliability)),
                    Value::Note(_) => Value::Note(note.map(|n| n.note.clone()).unwrap_or_default()),
                    other => other.clone(),
                }
            }
            Target::Slot { incident, slot } => {
                let note = self.slots.get(incident).and_then(|s| s.get(slot));
                match like {
                    Value::Status(_) => Value::Status(note.and_then(|n| n.status)),
                    Value::Assessment(_) => {
                        Value::Assessment(note.and_then(|n| n.assessment.clone()))
                    }
                    other => other.clone(),
                }
            }
            Target::Link(a, b) => Value::Linked(self.links.contains(&(a.clone(), b.clone()))),
            Target::Manual(id) => Value::Manual(self.manual.get(id).cloned().map(Box::new)),
            Target::Membership(report) => Value::Membership(self.memberships.get(report).cloned()),
            Target::Incident(id) => Value::Incident(self.incidents.get(id).cloned()),
        }
    }

    /// A change setting `after` on `target`, with what is there now as `before`.
    pub fn change(&self, target: Target, after: Value) -> Change {
        Change {
            before: self.current(&target, &after),
            target,
            after,
        }
    }

    /// The change `edit` makes on `target` given the state as it is now.
    pub fn resolve(&self, target: Target, edit: Edit) -> Change {
        match edit {
            Edit::Set(value) => self.change(target, value),
            Edit::Tags { add, remove } => {
                let mut tags = match self.current(&target, &Value::Tags(BTreeSet::new())) {
                    Value::Tags(tags) => tags,
                    _ => BTreeSet::new(),
                };
                tags.retain(|t| !remove.contains(t));
                tags.extend(add);
                self.change(target, Value::Tags(tags))
            }
        }
    }

    /// The change that walks `change` back now (`forward` false) or makes it again (`true`).
    /// Tags are walked back as the tags it added and removed, so tags others set since stay;
    /// any other field goes back to (or again to) the value the change set it from (to).
    pub fn replay(&self, change: &Change, forward: bool) -> Change {
        let (from, to) = if forward {
            (&change.before, &change.after)
        } else {
            (&change.after, &change.before)
        };
        match (from, to) {
            (Value::Tags(from), Value::Tags(to)) => {
                self.resolve(change.target.clone(), Edit::tags_between(from, to))
            }
            _ => self.change(change.target.clone(), to.clone()),
        }
    }

    /// Set what `change` sets. A field that does not belong to its target is ignored: a
    /// journal written by a newer crosscheck may hold combinations this one does not know.
    pub fn apply(&mut self, change: &Change) {
        match &change.target {
            Target::Claim { id, anchor } => {
                let note = self
                    .claims
                    .entry(id.clone())
                    .or_insert_with(|| ClaimNote::new(anchor.clone()));
                note.anchor = anchor.clone();
                match &change.after {
                    Value::Verdict(v) => note.verdict = *v,
                    Value::Grade(g) => note.grade = *g,
                    Value::Note(n) => note.note.clone_from(n),
                    Value::Tags(t) => note.tags.clone_from(t),
                    Value::Corrected(c) => note.corrected.clone_from(c),
                    _ => {}
                }
                if *note == ClaimNote::new(note.anchor.clone()) {
                    self.claims.remove(id);
                }
            }
            Target::Source(report) => {
                let note = self.sources.entry(report.clone()).or_default();
                match &change.after {
                    Value::Reliability(r) => note.reliability = *r,
                    Value::Note(n) => note.note.clone_from(n),
                    _ => {}
                }
                if *note == SourceNote::default() {
                    self.sources.remove(report);
                }
            }
            Target::Slot { incident, slot } => {
                let slots = self.slots.entry(incident.clone()).or_default();
                let note = slots.entry(slot.clone()).or_default();
                match &change.after {
                    Value::Status(s) => note.status = *s,
                    Value::Assessment(a) => note.assessment = a.clone().filter(|a| !a.is_empty()),
                    _ => {}
                }
                if *note == SlotNote::default() {
                    slots.remove(slot);
                }
                if slots.is_empty() {
                    self.slots.remove(incident);
                }
            }
            Target::Link(a, b) => {
                if let Value::Linked(on) = change.after {
                    let pair = (a.clone(), b.clone());
                    if on {
                        self.links.insert(pair);
                    } else {
                        self.links.remove(&pair);
                    }
                }
            }
            Target::Manual(id) => {
                if let Value::Manual(claim) = &change.after {
                    match claim {
                        Some(c) => {
                            self.manual.insert(id.clone(), (**c).clone());
                        }
                        None => {
                            self.manual.remove(id);
                        }
                    }
                }
            }
            Target::Membership(report) => {
                if let Value::Membership(ids) = &change.after {
                    match ids {
                        Some(ids) => self.memberships.insert(report.clone(), ids.clone()),
                        None => self.memberships.remove(report),
                    };
                }
            }
            Target::Incident(id) => {
                if let Value::Incident(edit) = &change.after {
                    match edit {
                        Some(edit) => self.incidents.insert(id.clone(), edit.clone()),
                        None => self.incidents.remove(id),
                    };
                }
            }
        }
    }

    /// The claims linked to `id`.
    pub fn linked_to<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.links.iter().filter_map(move |(a, b)| {
            if a == id {
                Some(b.as_str())
            } else if b == id {
                Some(a.as_str())
            } else {
                None
            }
        })
    }

    /// The slot note of `slot` of `incident`.
    pub fn slot(&self, incident: &str, slot: &str) -> Option<&SlotNote> {
        self.slots.get(incident)?.get(slot)
    }
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
