//! Keeping annotations on their claims when extraction changes. A claim annotation is found
//! again by its id, then by the same words of the same kind in the same report (the nearest
//! if they occur more than once), then by an overlapping span of the same kind. Manual claims
//! are found by their words in the report body. What cannot be found is an orphan: shown,
//! listed, exported, never dropped.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::state::{Anchor, Annotations, ClaimNote, Target};
use crate::model::{Claim, Corpus, Detail};

/// Where each annotation landed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attached {
    /// Current claim id → the key its annotation is kept under (the same id unless moved).
    pub by_claim: FxHashMap<String, String>,
    /// Keys of claim annotations whose claim was found under another id.
    pub moved: Vec<String>,
    /// Keys of claim annotations whose claim is gone.
    pub orphans: Vec<String>,
    /// Manual claims in place, with the corpus index of their report; spans follow the
    /// words if the body changed.
    pub manual: Vec<(usize, Claim)>,
    /// Ids of manual claims whose words are no longer in their report.
    pub manual_orphans: Vec<String>,
}

/// How an annotation stands, for listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attachment {
    /// On the claim with the id it was made under.
    Attached,
    /// On a claim found again by its words or span.
    Moved,
    /// Its claim is gone.
    Orphan,
}

impl Attached {
    /// How the claim annotation under `key` stands.
    pub fn attachment(&self, key: &str) -> Attachment {
        if self.orphans.iter().any(|k| k == key) {
            Attachment::Orphan
        } else if self.moved.iter().any(|k| k == key) {
            Attachment::Moved
        } else {
            Attachment::Attached
        }
    }

    /// The key of the annotation on the claim now called `claim_id`.
    pub fn key_of<'a>(&'a self, claim_id: &'a str) -> Option<&'a str> {
        self.by_claim.get(claim_id).map(String::as_str)
    }

    /// The annotation in `annotations` on the claim now called `claim_id`, wherever it
    /// landed.
    pub fn note_of<'a>(
        &self,
        annotations: &'a Annotations,
        claim_id: &str,
    ) -> Option<&'a ClaimNote> {
        annotations.claims.get(self.by_claim.get(claim_id)?)
    }

    /// What annotating `claim` changes: the key its annotation is kept under (its own id
    /// unless it moved), and where it is now.
    pub fn target_of(&self, claim: &Claim) -> Target {
        Target::Claim {
            id: self.key_of(&claim.id).unwrap_or(&claim.id).to_string(),
            anchor: Anchor::of(claim),
        }
    }

    /// How many of `claims` are reviewed, and how many there are.
    pub fn reviewed(&self, annotations: &Annotations, claims: &[Claim]) -> (usize, usize) {
        let done = claims
            .iter()
            .filter(|c| {
                self.note_of(annotations, &c.id)
                    .is_some_and(ClaimNote::reviewed)
            })
            .count();
        (done, claims.len())
    }
}

/// Every claim per report, for listing: the extracted ones with the manual claims placed
/// among them by position.
pub fn with_manual(extracted: &[Vec<Claim>], attached: &Attached) -> Vec<Vec<Claim>> {
    let mut out = extracted.to_vec();
    for (r, claim) in &attached.manual {
        if let Some(list) = out.get_mut(*r) {
            let at = list.partition_point(|c| c.span[0] <= claim.span[0]);
            list.insert(at, claim.clone());
        }
    }
    out
}

/// The claims comparisons use: those listed, but those the analyst marked as extraction
/// errors (the report does not say them).
pub fn for_comparison(
    listed: &[Vec<Claim>],
    annotations: &Annotations,
    attached: &Attached,
) -> Vec<Vec<Claim>> {
    let compared = Compared::new(annotations, attached);
    listed
        .iter()
        .map(|claims| compared.claims(claims))
        .collect()
}

/// Which claims comparisons use: not those the analyst marked as extraction errors, nor the
/// values they left out of a slot; and under which name, when the analyst merged two slots
/// of actors or means that are one.
pub struct Compared<'a> {
    annotations: &'a Annotations,
    attached: &'a Attached,
    excluded: Excluded<'a>,
    /// (incident, slot) → the slot it was merged into, chains followed.
    merged: FxHashMap<(&'a str, &'a str), &'a str>,
}

impl<'a> Compared<'a> {
    /// The test for `annotations` attached as `attached`.
    pub fn new(annotations: &'a Annotations, attached: &'a Attached) -> Self {
        Compared {
            annotations,
            attached,
            excluded: Excluded::of(annotations),
            merged: merges(annotations),
        }
    }

    /// The claims of `claims` that are compared, as they are compared.
    pub fn claims(&self, claims: &[Claim]) -> Vec<Claim> {
        claims
            .iter()
            .filter(|c| self.keeps(c))
            .map(|c| self.as_compared(c))
            .collect()
    }

    /// `claim` under the name of the slot it was merged into, if it was.
    fn as_compared(&self, claim: &Claim) -> Claim {
        let mut claim = claim.clone();
        if self.merged.is_empty() {
            return claim;
        }
        let (prefix, name) = match &mut claim.detail {
            Detail::Actor { actor, .. } => ("actor", actor),
            Detail::Means { means } => ("means", means),
            _ => return claim,
        };
        let slot = format!("{prefix}: {name}");
        if let Some(into) = self.merged.get(&(claim.incident.as_str(), slot.as_str()))
            && let Some(target) = into.strip_prefix(prefix).and_then(|t| t.strip_prefix(": "))
        {
            *name = target.to_string();
        }
        claim
    }

    /// True when `claim` is compared.
    pub fn keeps(&self, claim: &Claim) -> bool {
        !is_extraction_error(claim, self.annotations, self.attached) && !self.excluded.holds(claim)
    }
}

/// Every merged slot and where its values go, chains followed (bombs → devices → explosives)
/// and stopped where they would come back.
fn merges(annotations: &Annotations) -> FxHashMap<(&str, &str), &str> {
    let mut out = FxHashMap::default();
    for (incident, slots) in &annotations.slots {
        for (slot, note) in slots {
            let Some(mut into) = note.merged_into.as_deref() else {
                continue;
            };
            let mut seen = vec![slot.as_str()];
            while let Some(next) = slots.get(into).and_then(|n| n.merged_into.as_deref()) {
                if seen.contains(&into) || seen.contains(&next) {
                    break;
                }
                seen.push(into);
                into = next;
            }
            if into != slot {
                out.insert((incident.as_str(), slot.as_str()), into);
            }
        }
    }
    out
}

/// The values the analyst took out of slots, found by claim id or, when extraction renamed
/// the claim, by where it is.
struct Excluded<'a> {
    /// (incident, claim id).
    ids: FxHashSet<(&'a str, &'a str)>,
    /// By report id: (incident, anchor).
    anchors: FxHashMap<&'a str, Vec<(&'a str, &'a super::state::Anchor)>>,
}

impl<'a> Excluded<'a> {
    fn of(annotations: &'a Annotations) -> Self {
        let mut out = Excluded {
            ids: FxHashSet::default(),
            anchors: FxHashMap::default(),
        };
        for (incident, slots) in &annotations.slots {
            for (id, e) in slots.values().flat_map(|n| &n.excluded) {
                out.ids.insert((incident.as_str(), id.as_str()));
                out.anchors
                    .entry(e.anchor.report.as_str())
                    .or_default()
                    .push((incident.as_str(), &e.anchor));
            }
        }
        out
    }

    /// True when `claim` was taken out of a slot of its incident.
    fn holds(&self, claim: &Claim) -> bool {
        if self.ids.is_empty() {
            return false;
        }
        self.ids
            .contains(&(claim.incident.as_str(), claim.id.as_str()))
            || self.anchors.get(claim.report.as_str()).is_some_and(|v| {
                v.iter().any(|(incident, a)| {
                    *incident == claim.incident
                        && a.span == claim.span
                        && a.text == claim.text
                        && a.kind == claim.kind().id()
                })
            })
    }
}

/// True when the analyst marked `claim` as not what the text says.
pub fn is_extraction_error(claim: &Claim, annotations: &Annotations, attached: &Attached) -> bool {
    attached
        .note_of(annotations, &claim.id)
        .is_some_and(|n| n.verdict == super::grades::Verdict::ExtractionError)
}

/// Find every annotation's claim among `claims` (per report, in corpus order).
pub fn attach(annotations: &Annotations, corpus: &Corpus, claims: &[Vec<Claim>]) -> Attached {
    let wanted: FxHashSet<&str> = annotations
        .claims
        .values()
        .map(|n| n.anchor.report.as_str())
        .chain(annotations.manual.values().map(|c| c.report.as_str()))
        .collect();
    let report_index: FxHashMap<&str, usize> = corpus
        .reports
        .iter()
        .enumerate()
        .filter(|(_, r)| wanted.contains(r.id.as_str()))
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();

    let mut out = Attached::default();
    for (id, claim) in &annotations.manual {
        match report_index.get(claim.report.as_str()) {
            Some(&r) => match relocate(&corpus.reports[r].body, claim) {
                Some(placed) => out.manual.push((r, placed)),
                None => out.manual_orphans.push(id.clone()),
            },
            None => out.manual_orphans.push(id.clone()),
        }
    }

    let mut taken: FxHashSet<&str> = FxHashSet::default();
    // Exact ids first, so a moved annotation never takes a claim that has its own.
    let mut rest = Vec::new();
    for (key, note) in &annotations.claims {
        let Some(&r) = report_index.get(note.anchor.report.as_str()) else {
            out.orphans.push(key.clone());
            continue;
        };
        let in_report = claims.get(r).map(Vec::as_slice).unwrap_or_default();
        let manual = out.manual.iter().filter(|(mr, _)| *mr == r).map(|(_, c)| c);
        // The same id on other words is another claim (the report was edited): found again
        // by its words below, or an orphan, never carried over to a changed figure.
        if in_report
            .iter()
            .chain(manual)
            .any(|c| c.id == *key && c.text == note.anchor.text)
        {
            taken.insert(key.as_str());
            out.by_claim.insert(key.clone(), key.clone());
        } else {
            rest.push((key, &note.anchor, r));
        }
    }
    for (key, anchor, r) in rest {
        let in_report = claims.get(r).map(Vec::as_slice).unwrap_or_default();
        match find(in_report, anchor, &taken) {
            Some(claim) => {
                taken.insert(claim.id.as_str());
                out.by_claim.insert(claim.id.clone(), key.clone());
                out.moved.push(key.clone());
            }
            None => out.orphans.push(key.clone()),
        }
    }
    out
}

/// The claim of `claims` the annotation at `anchor` belongs to.
fn find<'a>(claims: &'a [Claim], anchor: &Anchor, taken: &FxHashSet<&str>) -> Option<&'a Claim> {
    let free = claims
        .iter()
        .filter(|c| c.kind().id() == anchor.kind && !taken.contains(c.id.as_str()));
    let distance = |c: &Claim| c.span[0].abs_diff(anchor.span[0]);
    let same_words = free
        .clone()
        .filter(|c| c.text == anchor.text)
        .min_by_key(|c| distance(c));
    // An overlapping claim is the same one re-read, unless its figures differ ("at least 35"
    // edited to "at least 45" is a different statement).
    let figures = figures(&anchor.text);
    same_words.or_else(|| {
        free.filter(|c| super::attach::figures(&c.text) == figures)
            .filter_map(|c| {
                let overlap = c.span[1]
                    .min(anchor.span[1])
                    .saturating_sub(c.span[0].max(anchor.span[0]));
                (overlap > 0).then_some((overlap, c))
            })
            .max_by_key(|(overlap, c)| (*overlap, std::cmp::Reverse(distance(c))))
            .map(|(_, c)| c)
    })
}

/// The figures a claim's words give, in order: digits and number words ("35", "thirty").
fn figures(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .flat_map(|w| w.split('-'))
        .filter_map(|w| {
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            if !digits.is_empty() {
                return Some(digits);
            }
            crate::extract::numbers::small_word(&w.to_lowercase()).map(|n| n.to_string())
        })
        .collect()
}

/// `claim` with its span on its words in `body`: where it was, or the nearest occurrence.
fn relocate(body: &str, claim: &Claim) -> Option<Claim> {
    let [start, end] = claim.span;
    if body.get(start..end) == Some(claim.text.as_str()) {
        return Some(claim.clone());
    }
    let at = body
        .match_indices(claim.text.as_str())
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(start))?;
    let shift = |x: usize| (x as i64 + at as i64 - start as i64).max(0) as usize;
    let mut moved = claim.clone();
    moved.span = [at, at + claim.text.len()];
    moved.sentence = [
        shift(claim.sentence[0]).min(at),
        shift(claim.sentence[1]).clamp(at + claim.text.len(), body.len()),
    ];
    Some(moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::grades::Verdict;
    use crate::annotate::state::{Target, Value};
    use crate::extract::Extractor;

    fn sample() -> (Corpus, Vec<Vec<Claim>>) {
        let corpus = crate::store::parse(
            crate::sample::TEXT.as_bytes(),
            std::path::Path::new("s.ron"),
        )
        .unwrap();
        let claims = Extractor::default().corpus(&corpus);
        (corpus, claims)
    }

    fn annotate(a: &mut Annotations, c: &Claim, id: &str) {
        let target = Target::Claim {
            id: id.to_string(),
            anchor: Anchor::of(c),
        };
        a.apply(&a.change(target, Value::Verdict(Verdict::Disputed)));
    }

    #[test]
    fn ids_then_words_then_orphans() {
        let (mut corpus, claims) = sample();
        let mut a = Annotations::default();
        let first = &claims[0][0];
        let second = &claims[0][1];
        annotate(&mut a, first, &first.id);
        // As if made by an older build that gave the claim another id.
        annotate(&mut a, second, "old-id");
        let mut gone = claims[1][0].clone();
        gone.text = "words no report has".into();
        gone.span = [gone.span[1] + 5000, gone.span[1] + 5019];
        annotate(&mut a, &gone, "gone");
        let at = attach(&a, &corpus, &claims);
        assert_eq!(at.key_of(&first.id), Some(first.id.as_str()));
        assert_eq!(at.key_of(&second.id), Some("old-id"));
        assert_eq!(at.attachment("old-id"), Attachment::Moved);
        assert_eq!(at.orphans, ["gone"]);

        // A report removed from the file orphans its annotations, never drops them.
        corpus.reports.remove(0);
        let claims: Vec<Vec<Claim>> = claims[1..].to_vec();
        let at = attach(&a, &corpus, &claims);
        assert_eq!(at.orphans.len(), 3);
    }

    #[test]
    fn manual_claims_follow_their_words() {
        let (mut corpus, claims) = sample();
        let body = corpus.reports[0].body.clone();
        let start = body.find("Egyptian").unwrap();
        let mut manual = claims[0][0].clone();
        manual.id = "m1".into();
        manual.text = "Egyptian".into();
        manual.span = [start, start + 8];
        manual.sentence = [start, start + 8];
        let mut a = Annotations::default();
        a.apply(&a.change(
            Target::Manual("m1".into()),
            Value::Manual(Some(Box::new(manual))),
        ));
        corpus.reports[0].body = format!("New lead. {body}");
        let at = attach(&a, &corpus, &claims);
        assert_eq!(at.manual[0].1.span, [start + 10, start + 18]);
        corpus.reports[0].body = "Nothing left.".into();
        assert_eq!(attach(&a, &corpus, &claims).manual_orphans, ["m1"]);
    }

    #[test]
    fn a_figure_edited_on_disk_is_never_carried_over() {
        let (mut corpus, _) = sample();
        let extractor = Extractor::default();
        let claims = extractor.corpus(&corpus);
        let (r, claim) = claims
            .iter()
            .enumerate()
            .find_map(|(r, cs)| cs.iter().find(|c| c.text.contains("35")).map(|c| (r, c)))
            .expect("the sample has a 35");
        let mut a = Annotations::default();
        annotate(&mut a, claim, &claim.id);
        let report = &mut corpus.reports[r];
        let edited = report.body.replacen("35", "45", 1);
        assert_ne!(edited, report.body);
        report.body = edited;
        let claims = extractor.corpus(&corpus);
        let at = attach(&a, &corpus, &claims);
        assert_eq!(at.attachment(&claim.id), Attachment::Orphan, "{at:?}");
        assert!(at.by_claim.is_empty());
    }

    #[test]
    fn merged_slots_follow_chains_and_stop_at_circles() {
        use crate::annotate::state::SlotNote;
        let mut a = Annotations::default();
        let mut slot = |name: &str, into: &str| {
            a.slots.entry("i".into()).or_default().insert(
                name.into(),
                SlotNote {
                    merged_into: Some(into.into()),
                    ..SlotNote::default()
                },
            );
        };
        slot("means: bombs", "means: devices");
        slot("means: devices", "means: explosives");
        slot("actor: A", "actor: B");
        slot("actor: B", "actor: A");
        let m = merges(&a);
        assert_eq!(m.get(&("i", "means: bombs")), Some(&"means: explosives"));
        assert_eq!(m.get(&("i", "means: devices")), Some(&"means: explosives"));
        // A merged into B and B into A: each keeps its first step, nothing loops.
        assert_eq!(m.get(&("i", "actor: A")), Some(&"actor: B"));
        assert_eq!(m.get(&("i", "actor: B")), Some(&"actor: A"));
    }
}
