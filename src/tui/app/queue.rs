//! The review queue: across an incident or the whole file, the claims still to review —
//! unreviewed, disputed or uncertain — narrowed by the claims filter (verdict, tag, kind,
//! source, slot, words). Built when it opens or its filter changes; drawing reads only the
//! rows on screen.

use rustc_hash::FxHashMap;

use super::filter::{ClaimFilter, Setting};
use super::forms::Field;
use super::model::Model;
use crate::annotate::Verdict;
use crate::model::BACKGROUND;

/// One claim in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueItem {
    /// Report (corpus index).
    pub report: usize,
    /// Index into the report's listed claims.
    pub claim: usize,
}

/// The queue's state.
#[derive(Debug, Clone)]
pub struct ReviewQueue {
    /// The whole file, or the selected incident (corpus index).
    pub incident: Option<usize>,
    /// The filter as typed.
    pub filter: Field,
    /// True while the filter takes typed keys.
    pub typing: bool,
    /// The claims, in file order.
    pub items: Vec<QueueItem>,
    /// The selected item.
    pub selected: usize,
    /// The first item on screen.
    pub offset: usize,
    /// A problem with the filter as typed, shown in place of the items' count.
    pub problem: Option<String>,
}

impl ReviewQueue {
    /// The queue of `incident` (or the whole file), unfiltered.
    pub fn new(model: &Model, incident: Option<usize>) -> Self {
        let mut queue = ReviewQueue {
            incident,
            filter: Field::new("filter", "", false),
            typing: false,
            items: Vec::new(),
            selected: 0,
            offset: 0,
            problem: None,
        };
        queue.rebuild(model);
        queue
    }

    /// Gather the items again, after the filter or the annotations changed; the selection
    /// stays on the same claim when it is still there.
    pub fn rebuild(&mut self, model: &Model) {
        let keep = self.items.get(self.selected).copied();
        let filter = match ClaimFilter::parse(&self.filter.text()) {
            Ok(f) => {
                self.problem = None;
                f
            }
            Err(e) => {
                self.problem = Some(e);
                return;
            }
        };
        self.items = items(model, self.incident, filter.as_ref());
        self.selected = keep
            .and_then(|k| self.items.iter().position(|i| *i == k))
            .unwrap_or(0);
    }
}

/// The verdicts still to settle, when the filter names none.
const TO_REVIEW: [Verdict; 3] = [Verdict::Unreviewed, Verdict::Disputed, Verdict::Uncertain];

/// The claims of `incident` (or of every incident) still to review and passing `filter`.
fn items(model: &Model, incident: Option<usize>, filter: Option<&ClaimFilter>) -> Vec<QueueItem> {
    let doc = &model.doc;
    let comparisons = model.comparisons.as_deref().map_or(&[][..], |c| c);
    let wanted = incident.map(|i| doc.corpus.incidents[i].id.as_str());
    // Claim id → slot, for the incidents in the queue.
    let mut slot_of: FxHashMap<&str, &str> = FxHashMap::default();
    for c in comparisons
        .iter()
        .filter(|c| wanted.is_none_or(|w| w == c.incident))
    {
        for s in &c.slots {
            for v in &s.values {
                slot_of.insert(v.claim.as_str(), s.slot.as_str());
            }
        }
    }
    let reports: Vec<usize> = match incident {
        Some(i) => doc
            .index
            .groups
            .iter()
            .filter(|g| g.incident == Some(i))
            .flat_map(|g| g.reports.iter().copied())
            .collect(),
        None => (0..doc.corpus.reports.len()).collect(),
    };
    let mut out = Vec::new();
    for r in reports {
        let report = &doc.corpus.reports[r];
        let outlet = report.outlet.value().map_or("", String::as_str);
        for (n, claim) in model.claims_of(r).iter().enumerate() {
            if claim.incident == BACKGROUND || wanted.is_some_and(|w| w != claim.incident) {
                continue;
            }
            let note = model.note_of(claim);
            let verdict = note.map_or(Verdict::Unreviewed, |n| n.verdict);
            let passes = match filter {
                Some(f) => {
                    let setting = Setting {
                        source: Some((&report.id, outlet)),
                        slot: slot_of.get(claim.id.as_str()).copied(),
                    };
                    (f.has_verdicts() || TO_REVIEW.contains(&verdict))
                        && f.matches_in(claim, note, setting)
                }
                None => TO_REVIEW.contains(&verdict),
            };
            if passes {
                out.push(QueueItem {
                    report: r,
                    claim: n,
                });
            }
        }
    }
    out
}
