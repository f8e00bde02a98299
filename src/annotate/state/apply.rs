//! Reading and changing the annotations: the value a target has now, the change an action
//! makes, edits settled against the current state, undo and redo replayed, changes applied.

use std::collections::BTreeSet;

use super::{Annotations, Change, ClaimNote, Edit, SlotNote, SourceNote, Target, Value};
use crate::annotate::grades::Verdict;

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
                    Value::Excluded(claim, _) => Value::Excluded(
                        claim.clone(),
                        note.and_then(|n| n.excluded.get(claim))
                            .cloned()
                            .map(Box::new),
                    ),
                    Value::MergedInto(_) => {
                        Value::MergedInto(note.and_then(|n| n.merged_into.clone()))
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
                    Value::Excluded(claim, Some(e)) => {
                        note.excluded.insert(claim.clone(), (**e).clone());
                    }
                    Value::Excluded(claim, None) => {
                        note.excluded.remove(claim);
                    }
                    Value::MergedInto(into) => note.merged_into.clone_from(into),
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

    /// The slots of `incident` the analyst merged into `slot`, by name.
    pub fn merged_into<'a>(
        &'a self,
        incident: &str,
        slot: &'a str,
    ) -> impl Iterator<Item = &'a String> {
        self.slots
            .get(incident)
            .into_iter()
            .flatten()
            .filter(move |(_, n)| n.merged_into.as_deref() == Some(slot))
            .map(|(name, _)| name)
    }
}
