//! Scoring extraction against a gold file: the claims an analyst lists for a data file.
//!
//! Each gold claim names its report, kind, a quote of its words (located in the body, `nth`
//! occurrence when the words repeat) and the fields an analyst expects. It matches the
//! extracted claim of the same report and kind whose span overlaps the quote most. A match is
//! *correct* when every field the gold gives is right. Precision and recall are given for
//! detection (matched) and for correct claims, per kind, and agreement per field.
//!
//! Besides the kinds of claim, a gold file may list *attributions*: each source a sentence
//! names, quoted by its words ("he said", "according to police"), with who it is and whom it
//! cites. They match the sources extraction gives the claims of that report, by the span of
//! the source's words. A gold file that lists only some kinds says which (`kinds`), and only
//! those are scored.

mod fields;
mod render;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{
    ActorRole, Attribution, Claim, ClaimKind, Corpus, Hedge, Outcome, ResponsibilityStatus,
    SourceKind,
};
use crate::store::{LoadError, Problem, ProblemKind};

/// A gold file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// The kinds the gold lists; every kind of claim when absent.
    #[serde(default)]
    pub kinds: Option<Vec<GoldKind>>,
    /// The expected claims.
    pub claims: Vec<GoldClaim>,
}

/// What a gold entry is: a claim of some kind, or a source named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldKind {
    /// A casualty claim.
    Casualty,
    /// A location claim.
    Location,
    /// A time claim.
    Time,
    /// An actor claim.
    Actor,
    /// A responsibility claim.
    Responsibility,
    /// A means claim.
    Means,
    /// An attributed statement.
    Statement,
    /// A source a sentence names for what it says.
    Attribution,
}

impl GoldKind {
    /// Every kind, in display order.
    pub const ALL: [GoldKind; 8] = [
        GoldKind::Casualty,
        GoldKind::Location,
        GoldKind::Time,
        GoldKind::Actor,
        GoldKind::Responsibility,
        GoldKind::Means,
        GoldKind::Statement,
        GoldKind::Attribution,
    ];

    /// The kind of claim, or `None` for attributions.
    pub fn claim_kind(self) -> Option<ClaimKind> {
        Some(match self {
            GoldKind::Casualty => ClaimKind::Casualty,
            GoldKind::Location => ClaimKind::Location,
            GoldKind::Time => ClaimKind::Time,
            GoldKind::Actor => ClaimKind::Actor,
            GoldKind::Responsibility => ClaimKind::Responsibility,
            GoldKind::Means => ClaimKind::Means,
            GoldKind::Statement => ClaimKind::Statement,
            GoldKind::Attribution => return None,
        })
    }

    /// The id used in reports ("attribution", "casualty", ...).
    pub fn id(self) -> &'static str {
        self.claim_kind().map_or("attribution", ClaimKind::id)
    }
}

/// One expected claim. Fields left out are not checked.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    /// Report id.
    pub report: String,
    /// Kind.
    pub kind: GoldKind,
    /// Words of the claim as in the body.
    pub quote: String,
    /// Which occurrence of the quote (0 = first).
    #[serde(default)]
    pub nth: usize,
    /// Expected incident id or "background".
    #[serde(default)]
    pub incident: Option<String>,
    /// Expected sort of source.
    #[serde(default)]
    pub attribution: Option<SourceKind>,
    /// Expected hedge.
    #[serde(default)]
    pub hedge: Option<Hedge>,
    /// Casualty: normalised group.
    #[serde(default)]
    pub group: Option<String>,
    /// Casualty: outcome.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Casualty: low bound.
    #[serde(default)]
    pub low: Option<u64>,
    /// Casualty: high bound (`Some(None)` for open-ended is written `high: None` with
    /// `open: true`).
    #[serde(default)]
    pub high: Option<u64>,
    /// Casualty: true when the count has no upper bound.
    #[serde(default)]
    pub open: bool,
    /// Casualty: the breakdown's counts.
    #[serde(default)]
    pub parts: Option<Vec<u64>>,
    /// Location: kilometres.
    #[serde(default)]
    pub km: Option<f64>,
    /// Location: direction.
    #[serde(default)]
    pub direction: Option<String>,
    /// Location: reference place.
    #[serde(default)]
    pub from: Option<String>,
    /// Time: resolved date.
    #[serde(default)]
    pub date: Option<String>,
    /// Actor / responsibility: actor name.
    #[serde(default)]
    pub actor: Option<String>,
    /// Responsibility: status.
    #[serde(default)]
    pub status: Option<ResponsibilityStatus>,
    /// Means: canonical name.
    #[serde(default)]
    pub means: Option<String>,
    /// Actor: the part it plays.
    #[serde(default)]
    pub role: Option<ActorRole>,
    /// Attribution: who the source is (the person a pronoun stands for, a name without its
    /// title).
    #[serde(default)]
    pub source: Option<String>,
    /// Attribution: whom the source cites, in order.
    #[serde(default)]
    pub chain: Option<Vec<String>>,
}

/// Load a gold file.
pub fn load_gold(path: &Path) -> Result<Gold, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        LoadError::single(
            path,
            Problem::new(
                ProblemKind::Unreadable,
                None,
                format!("cannot read the gold file: {e}"),
                "check the path",
            ),
        )
    })?;
    crate::store::from_ron(
        &text,
        path,
        "a gold file is `( claims: [ (report: ..., kind: ..., quote: ...), ... ] )`",
    )
}

/// Scores of one kind.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct KindScore {
    /// Gold claims of this kind.
    pub gold: usize,
    /// Extracted claims of this kind (in the gold's reports).
    pub extracted: usize,
    /// Gold claims matched by an extracted claim.
    pub matched: usize,
    /// Matches with every field right.
    pub correct: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl KindScore {
    /// Matched / extracted.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.extracted)
    }
    /// Matched / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    /// Correct / extracted.
    pub fn strict_precision(&self) -> f64 {
        ratio(self.correct, self.extracted)
    }
    /// Correct / gold.
    pub fn strict_recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
}

/// Agreement on one field over the matches that check it.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct FieldScore {
    /// Matches where the gold gives this field.
    pub checked: usize,
    /// Of those, how many are right.
    pub right: usize,
}

/// A gold claim and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The gold claim (for misses and wrong fields).
    pub gold: Option<GoldClaim>,
    /// The extracted claim (for wrong fields and spurious claims).
    pub claim: Option<String>,
    /// Where the extracted claim stands: its report and the bytes of its words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<(String, [usize; 2])>,
    /// Fields that disagree.
    pub wrong: Vec<String>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    /// Per kind.
    pub kinds: BTreeMap<String, KindScore>,
    /// Per field.
    pub fields: BTreeMap<String, FieldScore>,
    /// Gold claims not found.
    pub missed: Vec<Finding>,
    /// Extracted claims not in the gold.
    pub spurious: Vec<Finding>,
    /// Matches with a wrong field.
    pub wrong: Vec<Finding>,
}

impl Evaluation {
    /// Scores for a kind of claim.
    pub fn kind(&self, kind: ClaimKind) -> KindScore {
        self.kinds.get(kind.id()).cloned().unwrap_or_default()
    }

    /// Scores for the attributions, when the gold lists them.
    pub fn attributions(&self) -> KindScore {
        self.kinds
            .get(GoldKind::Attribution.id())
            .cloned()
            .unwrap_or_default()
    }
}

/// Why a gold file cannot be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A gold claim names a report the data file lacks.
    #[error("gold claim {index}: no report \"{report}\" in the data file")]
    UnknownReport {
        /// Index of the gold claim.
        index: usize,
        /// Its report.
        report: String,
    },
    /// A quote is not in its report's body.
    #[error("gold claim {index}: quote {quote:?} (occurrence {nth}) is not in report \"{report}\"")]
    QuoteNotFound {
        /// Index of the gold claim.
        index: usize,
        /// Its report.
        report: String,
        /// The quote.
        quote: String,
        /// Which occurrence.
        nth: usize,
    },
}

/// Something extraction found that a gold entry may match: a claim, or the source of some.
struct Found<'c> {
    kind: GoldKind,
    span: [usize; 2],
    claim: Option<&'c Claim>,
    source: Option<&'c Attribution>,
}

impl Found<'_> {
    fn describe(&self) -> String {
        match (self.claim, self.source) {
            (Some(c), _) => crate::model::describe(c),
            (None, Some(a)) => crate::text::sanitize(&format!(
                "{:<14} {:<40} {:<9} {}",
                "attribution",
                a.who(),
                crate::model::snake(&a.kind),
                a.chain
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" < ")
            ))
            .into_owned(),
            (None, None) => String::new(),
        }
    }
}

/// What extraction found in one report: its claims, and the sources they cite, each source
/// once (by the span of its words).
fn found_in(claims: &[Claim]) -> Vec<Found<'_>> {
    let mut found: Vec<Found> = claims
        .iter()
        .map(|c| Found {
            kind: GoldKind::ALL
                .into_iter()
                .find(|k| k.claim_kind() == Some(c.kind()))
                .expect("every claim kind is a gold kind"),
            span: c.span,
            claim: Some(c),
            source: None,
        })
        .collect();
    let mut spans: Vec<[usize; 2]> = Vec::new();
    for c in claims {
        if let Some(span) = c.attribution.span
            && !spans.contains(&span)
        {
            spans.push(span);
            found.push(Found {
                kind: GoldKind::Attribution,
                span,
                claim: None,
                source: Some(&c.attribution),
            });
        }
    }
    found
}

/// Which fields of `f` agree with `g`.
fn checks_of(g: &GoldClaim, f: &Found) -> Vec<(&'static str, bool)> {
    match (f.claim, f.source) {
        (Some(c), _) => fields::claim_checks(g, c),
        (None, Some(a)) => fields::source_checks(g, a),
        (None, None) => Vec::new(),
    }
}

/// Score `extracted` (claims per report, in corpus order) against `gold`.
pub fn evaluate(
    gold: &Gold,
    corpus: &Corpus,
    extracted: &[Vec<Claim>],
) -> Result<Evaluation, EvalError> {
    let mut eval = Evaluation::default();
    let scored: Vec<GoldKind> = gold.kinds.clone().unwrap_or_else(|| {
        GoldKind::ALL
            .into_iter()
            .filter(|k| *k != GoldKind::Attribution)
            .collect()
    });
    for kind in &scored {
        eval.kinds
            .insert(kind.id().to_string(), KindScore::default());
    }
    let reports: Vec<&str> = gold.claims.iter().map(|g| g.report.as_str()).collect();
    let found: Vec<Vec<Found>> = extracted.iter().map(|c| found_in(c)).collect();
    let mut used: Vec<Vec<bool>> = found.iter().map(|f| vec![false; f.len()]).collect();
    for (index, g) in gold.claims.iter().enumerate() {
        let r = corpus
            .reports
            .iter()
            .position(|x| x.id == g.report)
            .ok_or_else(|| EvalError::UnknownReport {
                index,
                report: g.report.clone(),
            })?;
        let body = &corpus.reports[r].body;
        let start = body
            .match_indices(g.quote.as_str())
            .nth(g.nth)
            .map(|(i, _)| i)
            .ok_or_else(|| EvalError::QuoteNotFound {
                index,
                report: g.report.clone(),
                quote: g.quote.clone(),
                nth: g.nth,
            })?;
        let Some(score) = eval.kinds.get_mut(g.kind.id()) else {
            continue;
        };
        score.gold += 1;
        let (qa, qb) = (start, start + g.quote.len());
        // Of the claims the quote overlaps, one that has every field right first ("Ortiz
        // followed Orozco" holds two actors; the gold means one of them), then the widest.
        let best = found[r]
            .iter()
            .enumerate()
            .filter(|(i, f)| !used[r][*i] && f.kind == g.kind)
            .map(|(i, f)| (i, f.span[1].min(qb).saturating_sub(f.span[0].max(qa))))
            .filter(|(_, overlap)| *overlap > 0)
            .max_by_key(|&(i, overlap)| (checks_of(g, &found[r][i]).iter().all(|c| c.1), overlap));
        let Some((i, _)) = best else {
            eval.missed.push(Finding {
                gold: Some(g.clone()),
                claim: None,
                at: None,
                wrong: Vec::new(),
            });
            continue;
        };
        used[r][i] = true;
        score.matched += 1;
        let f = &found[r][i];
        let checks = checks_of(g, f);
        let wrong: Vec<String> = checks
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(name, _)| name.to_string())
            .collect();
        for (name, ok) in checks {
            let field = eval.fields.entry(name.to_string()).or_default();
            field.checked += 1;
            field.right += usize::from(ok);
        }
        if wrong.is_empty() {
            score.correct += 1;
        } else {
            eval.wrong.push(Finding {
                gold: Some(g.clone()),
                claim: Some(f.describe()),
                at: Some((g.report.clone(), f.span)),
                wrong,
            });
        }
    }
    for (r, found) in found.iter().enumerate() {
        if !reports.contains(&corpus.reports[r].id.as_str()) {
            continue;
        }
        for (i, f) in found.iter().enumerate() {
            let Some(score) = eval.kinds.get_mut(f.kind.id()) else {
                continue;
            };
            score.extracted += 1;
            if !used[r][i] {
                eval.spurious.push(Finding {
                    gold: None,
                    claim: Some(f.describe()),
                    at: Some((corpus.reports[r].id.clone(), f.span)),
                    wrong: Vec::new(),
                });
            }
        }
    }
    Ok(eval)
}

pub use render::render;
