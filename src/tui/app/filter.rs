//! The claims pane's filter: `verdict:disputed tag:toll kind:casualty` and plain words, all of
//! which must hold. Several values of one field (`verdict:disputed verdict:false`) are
//! alternatives.

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
    words: Vec<String>,
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
                _ => f.words.push(term.to_lowercase()),
            }
        }
        Ok((!f.text.is_empty()).then_some(f))
    }

    /// True when `claim`, annotated `note`, passes.
    pub fn matches(&self, claim: &Claim, note: Option<&ClaimNote>) -> bool {
        let verdict = note.map_or(Verdict::Unreviewed, |n| n.verdict);
        (self.verdicts.is_empty() || self.verdicts.contains(&verdict))
            && (self.kinds.is_empty() || self.kinds.contains(&claim.kind()))
            && self
                .tags
                .iter()
                .all(|t| note.is_some_and(|n| n.tags.contains(t)))
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
