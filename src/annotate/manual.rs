//! Claims the analyst makes from a span of article text. crosscheck proposes what it can read
//! in the span (a count, a place, ...) from the claims extracted around it, and always a plain
//! statement; the analyst picks one and may say who said it.

use crate::extract::lexicon::Lexicon;
use crate::extract::sentence_spans;
use crate::model::{Attribution, Claim, ClaimKind, Detail, Hedge, Report, SourceKind};

/// The id of a manual claim: like an extracted claim's, but starting with `m`, so the two
/// never collide.
pub fn manual_id(report: &str, kind: ClaimKind, span: [usize; 2]) -> String {
    let stable = Claim::stable_id(report, kind, span);
    format!("m{}", &stable[1..])
}

/// True when `id` names a manual claim.
pub fn is_manual(id: &str) -> bool {
    id.starts_with('m')
}

/// The claims the analyst may make of `span` of `report`: one per kind read by the claims
/// of `extracted` overlapping it (each keeping its detail, hedge and source), then a plain
/// statement. Every candidate covers exactly `span`. `None` when the span is empty or not on
/// character boundaries of the body.
pub fn candidates(
    report: &Report,
    extracted: &[Claim],
    span: [usize; 2],
    default_incident: &str,
) -> Option<Vec<Claim>> {
    let body = report.body.as_str();
    let text = body.get(span[0]..span[1])?.trim();
    if text.is_empty() {
        return None;
    }
    // Trim the selection to its words.
    let start = span[0] + body[span[0]..span[1]].find(text)?;
    let span = [start, start + text.len()];
    let sentence = sentence_spans(body)
        .into_iter()
        .find(|s| s[0] <= span[0] && span[0] < s[1].max(s[0] + 1))
        .map_or(span, |s| [s[0].min(span[0]), s[1].max(span[1])]);
    let overlap = |c: &Claim| {
        c.span[1]
            .min(span[1])
            .saturating_sub(c.span[0].max(span[0]))
    };
    let mut around: Vec<&Claim> = extracted.iter().filter(|c| overlap(c) > 0).collect();
    around.sort_by_key(|c| std::cmp::Reverse(overlap(c)));
    let make = |kind: ClaimKind, from: Option<&Claim>| Claim {
        id: manual_id(&report.id, kind, span),
        report: report.id.clone(),
        text: text.to_string(),
        span,
        sentence,
        attribution: from.map_or_else(Attribution::the_report, |c| c.attribution.clone()),
        hedge: from.map_or(Hedge::Exact, |c| c.hedge),
        incident: from.map_or_else(|| default_incident.to_string(), |c| c.incident.clone()),
        detail: from.map_or(Detail::Statement, |c| c.detail.clone()),
    };
    let mut out: Vec<Claim> = Vec::new();
    for c in &around {
        if c.kind() != ClaimKind::Statement && !out.iter().any(|o| o.kind() == c.kind()) {
            out.push(make(c.kind(), Some(c)));
        }
    }
    let mut statement = make(ClaimKind::Statement, around.first().copied());
    statement.detail = Detail::Statement;
    out.push(statement);
    Some(out)
}

/// `claim` said by `who` instead ("" leaves the report as the source).
pub fn said_by(mut claim: Claim, who: &str, lex: &Lexicon) -> Claim {
    let who = who.trim();
    if who.is_empty() || who == claim.attribution.text {
        return claim;
    }
    let lower = who.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    claim.attribution = Attribution::new(
        who.to_string(),
        lex.source_kind(&words).unwrap_or(SourceKind::Other),
    );
    claim
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    #[test]
    fn candidates_cover_the_selection_and_read_what_is_in_it() {
        let corpus = crate::store::parse(
            crate::sample::TEXT.as_bytes(),
            std::path::Path::new("s.ron"),
        )
        .unwrap();
        let ex = Extractor::default();
        let report = &corpus.reports[0];
        let claims = ex.report(report, &corpus);
        let casualty = claims
            .iter()
            .find(|c| c.kind() == ClaimKind::Casualty)
            .unwrap();
        // A selection a little wider than the extracted claim, with a space at each end.
        let span = [casualty.span[0].saturating_sub(1), casualty.span[1] + 1];
        let got = candidates(report, &claims, span, "i").unwrap();
        assert_eq!(got[0].kind(), ClaimKind::Casualty);
        assert_eq!(got.last().unwrap().kind(), ClaimKind::Statement);
        for c in &got {
            assert_eq!(&report.body[c.span[0]..c.span[1]], c.text);
            assert!(is_manual(&c.id));
            assert!(c.sentence[0] <= c.span[0] && c.span[1] <= c.sentence[1]);
        }
        assert!(candidates(report, &claims, [3, 3], "i").is_none());
        let said = said_by(got[0].clone(), "the Interior Ministry", ex.lexicon());
        assert_eq!(said.attribution.kind, SourceKind::Official);
    }
}
