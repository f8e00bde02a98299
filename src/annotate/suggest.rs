//! The credibility grade crosscheck suggests for a claim: "1 — confirmed by other sources"
//! only when a value from an *independent* origin in the same slot backs it. Copies of one
//! wire story, or one ministry's figure relayed by three outlets, confirm nothing.

use super::grades::Credibility;
use crate::compare::{Comparison, Value};

/// A suggested grade and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The grade.
    pub grade: Credibility,
    /// Which independent origin backs the claim, in words.
    pub because: String,
    /// The backing value's report.
    pub report: String,
    /// The backing value's claim.
    pub claim: String,
}

/// The grade to suggest for claim `claim_id`, if the comparison gives one.
pub fn suggest(comparison: &Comparison, claim_id: &str) -> Option<Suggestion> {
    for slot in &comparison.slots {
        let Some(own) = slot.values.iter().find(|v| v.claim == claim_id) else {
            continue;
        };
        let backer = slot.values.iter().find(|other| {
            other.origin != own.origin
                && !one_origin(comparison, &own.report, &other.report)
                && !other.superseded
                && backs(other, own)
        });
        if let Some(b) = backer {
            return Some(Suggestion {
                grade: Credibility::Confirmed,
                report: b.report.clone(),
                claim: b.claim.clone(),
                because: format!(
                    "{} ({}) independently gives {} in {:?}",
                    b.origin, b.report, b.value, slot.slot
                ),
            });
        }
    }
    None
}

/// True when reports `a` and `b` are one origin (the same story, the same agency).
pub fn one_origin(comparison: &Comparison, a: &str, b: &str) -> bool {
    a == b
        || comparison
            .origins
            .iter()
            .any(|o| o.reports.iter().any(|r| r == a) && o.reports.iter().any(|r| r == b))
}

/// True when what `other` says implies what `own` says: a figure inside `own`'s range, or
/// the same words for names, places and dates.
fn backs(other: &Value, own: &Value) -> bool {
    match (own.low, own.high, other.low, other.high) {
        (ol, oh, Some(l), Some(h)) if ol.is_some() || oh.is_some() => {
            l >= ol.unwrap_or(f64::NEG_INFINITY) && h <= oh.unwrap_or(f64::INFINITY)
        }
        (None, None, None, None) => other.value.eq_ignore_ascii_case(&own.value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    #[test]
    fn only_an_independent_origin_confirms() {
        let corpus = crate::store::parse(
            crate::sample::TEXT.as_bytes(),
            std::path::Path::new("s.ron"),
        )
        .unwrap();
        let ex = Extractor::default();
        let claims = ex.corpus(&corpus);
        let cmp = crate::compare::compare(&corpus, &claims, &corpus.incidents[0].id, ex.lexicon());
        let mut suggested = 0;
        for slot in &cmp.slots {
            for v in &slot.values {
                if let Some(s) = suggest(&cmp, &v.claim) {
                    suggested += 1;
                    assert_eq!(s.grade, Credibility::Confirmed);
                    // The backer is never the claim's own origin, nor a copy of its story.
                    let own = cmp
                        .slots
                        .iter()
                        .flat_map(|s| &s.values)
                        .find(|o| o.claim == v.claim)
                        .unwrap();
                    let backer = cmp
                        .slots
                        .iter()
                        .flat_map(|s| &s.values)
                        .find(|b| b.claim == s.claim)
                        .unwrap();
                    assert_ne!(backer.origin, own.origin);
                    assert!(
                        !one_origin(&cmp, &backer.report, &own.report),
                        "{s:?} for {own:?}"
                    );
                }
            }
        }
        assert!(suggested > 0);
        // A slot with one origin suggests nothing.
        for slot in cmp.slots.iter().filter(|s| s.independent_origins == 1) {
            for v in &slot.values {
                let s = suggest(&cmp, &v.claim);
                assert!(s.is_none() || !s.unwrap().because.contains(&format!("{:?}", slot.slot)));
            }
        }
    }
}
