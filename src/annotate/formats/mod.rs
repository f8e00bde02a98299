//! The brief in the shapes the field's tools read: ACLED- and UCDP-style event sheets, a MISP
//! event, W3C Web Annotations. Each maps what crosscheck knows onto the format's fields and
//! leaves empty what it cannot know (an ACLED actor code, a UCDP dyad): an empty cell is
//! honest, a guessed one is not. `docs/formats/` gives each mapping.

pub mod acled;
pub mod misp;
pub mod ucdp;
pub mod w3c;

use rustc_hash::FxHashMap;

use super::brief::{Builder, IncidentBrief, SlotBrief};
use crate::compare::Comparison;
use crate::model::{Claim, Detail, Incident, Outcome, Report};

/// The slot of the incident's toll: each report's own count of the victims killed.
pub const KILLED: &str = "victims killed";

/// One incident as the formats see it: its record, its comparison, its brief, its reports
/// and their claims about it.
pub struct Event<'a> {
    /// The incident's record, when the file has it.
    pub incident: Option<&'a Incident>,
    /// Its comparison.
    pub comparison: &'a Comparison,
    /// Its brief (with the analyst's work).
    pub brief: IncidentBrief,
    /// Its reports, in file order.
    pub reports: Vec<&'a Report>,
    /// Claims of those reports, by id.
    pub claims: FxHashMap<&'a str, &'a Claim>,
    /// The analyst's annotations, and where they landed.
    annotations: &'a crate::annotate::Annotations,
    attached: &'a crate::annotate::Attached,
}

impl<'a> Event<'a> {
    /// The event of the incident `comparison` compares.
    pub fn of(builder: &Builder<'a>, comparison: &'a Comparison) -> Self {
        let inputs = builder.inputs();
        let members = builder.members(&comparison.incident);
        let reports: Vec<&Report> = members.iter().map(|&r| &inputs.corpus.reports[r]).collect();
        let claims = members
            .iter()
            .filter_map(|&r| inputs.claims.get(r))
            .flatten()
            .map(|c| (c.id.as_str(), c))
            .collect();
        Event {
            incident: inputs.corpus.incident(&comparison.incident),
            comparison,
            brief: builder.incident(comparison),
            reports,
            claims,
            annotations: inputs.annotations,
            attached: inputs.attached,
        }
    }

    /// The analyst's annotation of claim `id`, if any.
    pub fn note_of(&self, id: &str) -> Option<&'a crate::annotate::ClaimNote> {
        self.attached.note_of(self.annotations, id)
    }

    /// The reliability the analyst gave report `id`'s source, if any.
    pub fn reliability_of(&self, id: &str) -> Option<crate::annotate::Reliability> {
        self.annotations.sources.get(id).and_then(|s| s.reliability)
    }

    /// The slot named `name`.
    pub fn slot(&self, name: &str) -> Option<&SlotBrief> {
        self.brief.slots.iter().find(|s| s.slot == name)
    }

    /// Slots counting deaths among the perpetrators ("militants killed" when every value
    /// is a count of attackers killed).
    pub fn perpetrators_killed(&self) -> impl Iterator<Item = &SlotBrief> {
        self.brief.slots.iter().filter(|s| {
            !s.values.is_empty()
                && s.values.iter().all(|v| {
                    self.claims.get(v.claim.as_str()).is_some_and(|c| {
                        matches!(&c.detail, Detail::Casualty { who, outcome: Outcome::Killed, .. }
                            if who.perpetrator)
                    })
                })
        })
    }

    /// The report `id`.
    pub fn report(&self, id: &str) -> Option<&'a Report> {
        self.reports.iter().copied().find(|r| r.id == id)
    }
}

/// Low, best and high of a count, with where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// The most conservative credible figure.
    pub low: u64,
    /// The best estimate.
    pub best: u64,
    /// The highest credible figure.
    pub high: u64,
    /// "the analyst's assessment" or "crosscheck's estimate".
    pub from: &'static str,
}

/// The figures of a count slot: the analyst's assessment when they made one (its range, or
/// its best value), else crosscheck's estimate over the latest figure of each origin.
pub fn figures(slot: &SlotBrief) -> Option<Figures> {
    if let Some(a) = &slot.assessment {
        let numbers = |text: &str| -> Vec<u64> {
            text.split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect()
        };
        let best = numbers(&a.best).first().copied();
        let range = numbers(&a.range);
        if let Some(best) = best.or_else(|| range.first().copied()) {
            let low = range.first().copied().unwrap_or(best).min(best);
            let high = range.last().copied().unwrap_or(best).max(best);
            return Some(Figures {
                low,
                best,
                high,
                from: "the analyst's assessment",
            });
        }
    }
    slot.estimate.as_ref().map(|e| Figures {
        low: e.floor,
        best: e.best,
        high: e.high,
        from: "crosscheck's estimate",
    })
}

/// Each distinct figure of a count slot with who gave it: "16 (the Egyptian Interior
/// Ministry); 55+ (the Associated Press citing security officials)".
pub fn dispute(slot: &SlotBrief) -> String {
    let mut seen: Vec<String> = Vec::new();
    for v in slot.values.iter().filter(|v| !v.superseded) {
        let line = format!("{} ({})", figure_of(&v.value), v.attribution);
        if !seen.contains(&line) {
            seen.push(line);
        }
    }
    seen.join("; ")
}

/// The figure at the head of a value's words ("55+ security_forces killed" → "55+").
fn figure_of(value: &str) -> &str {
    value.split_whitespace().next().unwrap_or(value)
}

/// The first day of the incident, and the last when it spans several: `YYYY-MM-DD` each,
/// or `None` when its date is not known to the day.
pub fn days(incident: Option<&Incident>) -> Option<(String, String)> {
    let span = incident?.date?;
    let first = span.start.as_day()?;
    let last = span
        .end
        .and_then(crate::model::PartialDate::as_day)
        .unwrap_or(first);
    Some((first.to_string(), last.to_string()))
}

/// The outlet of a report, else its wire, else nothing.
pub fn outlet(report: &Report) -> Option<&str> {
    report
        .outlet
        .value()
        .or_else(|| report.wire.value())
        .map(String::as_str)
}

/// Byte span `span` of `text` as character offsets, as W3C selectors count.
pub fn char_span(text: &str, span: [usize; 2]) -> Option<[usize; 2]> {
    let start = text.get(..span[0])?.chars().count();
    let len = text.get(span[0]..span[1])?.chars().count();
    Some([start, start + len])
}

/// A name-based UUID for `parts` (its version bits say 5; its bits are BLAKE3's, not SHA-1's):
/// the same incident or claim gets the same UUID in every export, so a re-import updates
/// rather than duplicates.
pub fn uuid(parts: &[&str]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"crosscheck");
    for p in parts {
        hasher.update(&(p.len() as u64).to_le_bytes());
        hasher.update(p.as_bytes());
    }
    let mut b = [0u8; 16];
    b.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Now, in seconds since 1970.
pub fn now_seconds() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_and_well_formed() {
        let a = uuid(&["incident", "x"]);
        assert_eq!(a, uuid(&["incident", "x"]));
        assert_ne!(a, uuid(&["incident", "y"]));
        assert_ne!(uuid(&["ab", "c"]), uuid(&["a", "bc"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "5");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn character_spans_count_characters_not_bytes() {
        let text = "Café — 16 killed";
        let start = text.find("16").unwrap();
        assert_eq!(char_span(text, [start, start + 2]), Some([7, 9]));
        assert_eq!(char_span(text, [0, 99]), None);
    }
}
