//! The claims filter: `verdict:disputed tag:toll kind:casualty source:afp slot:killed` and
//! plain words, all of which must hold. Several values of one field (`verdict:disputed
//! verdict:false`) are alternatives. The claims pane and the review queue share it.

use crate::annotate::{ClaimNote, Verdict};
use crate::model::{Claim, ClaimKind};

/// A parsed filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimFilter {
    /// As typed.
    pub text: String,
    verdicts: Vec<Verdict>,
    tags: Vec<String>,
    kinds: Vec<ClaimKind>,
    sources: Vec<String>,
    slots: Vec<String>,
    words: Vec<String>,
}

/// Where a claim stands, for the terms that are not about the claim itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Setting<'a> {
    /// The report's id and outlet.
    pub source: Option<(&'a str, &'a str)>,
    /// The slot of the comparison the claim's value is in.
    pub slot: Option<&'a str>,
}

impl ClaimFilter {
    /// Parse `text`; a problem names the term and what is accepted.
    pub fn parse(text: &str) -> Result<Option<ClaimFilter>, String> {
        let mut f = ClaimFilter {
            text: text.trim().to_string(),
            ..Default::default()
        };
        for term in text.split_whitespace() {
            match term.split_once(':') {
                Some(("verdict" | "v", v)) => f.verdicts.push(v.parse()?),
                Some(("tag" | "t", t)) => f.tags.push(t.to_string()),
                Some(("kind" | "k", k)) => f.kinds.push(
                    ClaimKind::ALL
                        .into_iter()
                        .find(|c| c.id().starts_with(&k.to_ascii_lowercase()) && !k.is_empty())
                        .ok_or_else(|| format!("{k:?} is not a kind of claim"))?,
                ),
                Some(("source" | "s", s)) => f.sources.push(s.to_lowercase()),
                Some(("slot", s)) => f.slots.push(s.to_lowercase()),
                _ => f.words.push(term.to_lowercase()),
            }
        }
        Ok((!f.text.is_empty()).then_some(f))
    }

    /// True when the filter names verdicts (else the review queue keeps its own).
    pub fn has_verdicts(&self) -> bool {
        !self.verdicts.is_empty()
    }

    /// True when `claim`, annotated `note`, passes. Source and slot terms pass: the claims
    /// pane lists one report's claims, whose slots it does not look up.
    pub fn matches(&self, claim: &Claim, note: Option<&ClaimNote>) -> bool {
        self.matches_in(claim, note, Setting::default())
    }

    /// True when `claim`, annotated `note`, in `setting`, passes; a source or slot term
    /// fails where the setting does not say.
    pub fn matches_in(&self, claim: &Claim, note: Option<&ClaimNote>, setting: Setting) -> bool {
        let known = |terms: &[String], field: Option<&str>| {
            terms.is_empty() || field.is_some_and(|f| terms.iter().any(|t| f.contains(t.as_str())))
        };
        let source = setting
            .source
            .map(|(id, outlet)| format!("{id} {outlet}").to_lowercase());
        let slot = setting.slot.map(str::to_lowercase);
        let pane = setting.source.is_none() && setting.slot.is_none();
        let verdict = note.map_or(Verdict::Unreviewed, |n| n.verdict);
        (self.verdicts.is_empty() || self.verdicts.contains(&verdict))
            && (self.kinds.is_empty() || self.kinds.contains(&claim.kind()))
            && self
                .tags
                .iter()
                .all(|t| note.is_some_and(|n| n.tags.contains(t)))
            && (pane || known(&self.sources, source.as_deref()))
            && (pane || known(&self.slots, slot.as_deref()))
            && self.words.iter().all(|w| {
                claim.text.to_lowercase().contains(w)
                    || note.is_some_and(|n| n.note.to_lowercase().contains(w))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_words() {
        let f = ClaimFilter::parse("verdict:disputed kind:cas tag:toll police")
            .unwrap()
            .unwrap();
        assert_eq!(f.verdicts, [Verdict::Disputed]);
        assert_eq!(f.kinds, [ClaimKind::Casualty]);
        assert_eq!(f.tags, ["toll"]);
        assert_eq!(f.words, ["police"]);
        assert!(ClaimFilter::parse("  ").unwrap().is_none());
        assert!(
            ClaimFilter::parse("verdict:maybe")
                .unwrap_err()
                .contains("verdict")
        );
    }
}
