//! Scoring extraction against a gold file: the claims an analyst lists for a data file.
//!
//! Each gold claim names its report, kind, a quote of its words (located in the body, `nth`
//! occurrence when the words repeat) and the fields an analyst expects. It matches the
//! extracted claim of the same report and kind whose span overlaps the quote most. A match is
//! *correct* when every field the gold gives is right. Precision and recall are given for
//! detection (matched) and for correct claims, per kind, and agreement per field.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{
    Claim, ClaimKind, Corpus, Detail, Hedge, Outcome, ResponsibilityStatus, SourceKind,
};
use crate::store::{LoadError, Problem, ProblemKind};

/// A gold file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// The expected claims.
    pub claims: Vec<GoldClaim>,
}

/// One expected claim. Fields left out are not checked.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    /// Report id.
    pub report: String,
    /// Kind.
    pub kind: ClaimKind,
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
    /// The gold claim (for misses and wrong fields) .
    pub gold: Option<GoldClaim>,
    /// The extracted claim (for wrong fields and spurious claims).
    pub claim: Option<String>,
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
    /// Scores for a kind.
    pub fn kind(&self, kind: ClaimKind) -> KindScore {
        self.kinds.get(kind.id()).cloned().unwrap_or_default()
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

/// Score `extracted` (claims per report, in corpus order) against `gold`.
pub fn evaluate(
    gold: &Gold,
    corpus: &Corpus,
    extracted: &[Vec<Claim>],
) -> Result<Evaluation, EvalError> {
    let mut eval = Evaluation::default();
    let reports: Vec<&str> = gold.claims.iter().map(|g| g.report.as_str()).collect();
    let mut used: Vec<Vec<bool>> = extracted.iter().map(|c| vec![false; c.len()]).collect();
    for kind in ClaimKind::ALL {
        eval.kinds
            .insert(kind.id().to_string(), KindScore::default());
    }
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
        let (qa, qb) = (start, start + g.quote.len());
        let score = eval.kinds.get_mut(g.kind.id()).expect("all kinds present");
        score.gold += 1;
        let best = extracted[r]
            .iter()
            .enumerate()
            .filter(|(i, c)| !used[r][*i] && c.kind() == g.kind)
            .map(|(i, c)| (i, c.span[1].min(qb).saturating_sub(c.span[0].max(qa))))
            .filter(|(_, overlap)| *overlap > 0)
            .max_by_key(|(_, overlap)| *overlap);
        let Some((i, _)) = best else {
            eval.missed.push(Finding {
                gold: Some(g.clone()),
                claim: None,
                wrong: Vec::new(),
            });
            continue;
        };
        used[r][i] = true;
        score.matched += 1;
        let claim = &extracted[r][i];
        let checks = field_checks(g, claim);
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
            eval.kinds.get_mut(g.kind.id()).expect("present").correct += 1;
        } else {
            eval.wrong.push(Finding {
                gold: Some(g.clone()),
                claim: Some(crate::extract::describe(claim)),
                wrong,
            });
        }
    }
    for (r, claims) in extracted.iter().enumerate() {
        if !reports.contains(&corpus.reports[r].id.as_str()) {
            continue;
        }
        for (i, claim) in claims.iter().enumerate() {
            eval.kinds
                .get_mut(claim.kind().id())
                .expect("present")
                .extracted += 1;
            if !used[r][i] {
                eval.spurious.push(Finding {
                    gold: None,
                    claim: Some(crate::extract::describe(claim)),
                    wrong: Vec::new(),
                });
            }
        }
    }
    Ok(eval)
}

fn field_checks(g: &GoldClaim, c: &Claim) -> Vec<(&'static str, bool)> {
    let mut checks = Vec::new();
    let mut check = |name: &'static str, ok: Option<bool>| {
        if let Some(ok) = ok {
            checks.push((name, ok));
        }
    };
    check("incident", g.incident.as_ref().map(|i| *i == c.incident));
    check(
        "attribution",
        g.attribution.map(|a| a == c.attribution.kind),
    );
    check("hedge", g.hedge.map(|h| h == c.hedge));
    match &c.detail {
        Detail::Casualty {
            who,
            outcome,
            count,
            parts,
            ..
        } => {
            check("who", g.group.as_ref().map(|x| *x == who.group));
            check("outcome", g.outcome.map(|o| o == *outcome));
            let high = if g.open { Some(None) } else { g.high.map(Some) };
            check(
                "count",
                (g.low.is_some() || high.is_some()).then(|| {
                    g.low.is_none_or(|l| l == count.low) && high.is_none_or(|h| h == count.high)
                }),
            );
            check(
                "parts",
                g.parts
                    .as_ref()
                    .map(|p| *p == parts.iter().map(|x| x.count.low).collect::<Vec<_>>()),
            );
        }
        Detail::Location {
            distance,
            direction,
            from,
            ..
        } => {
            check(
                "distance",
                g.km.map(|km| distance.as_ref().is_some_and(|d| (d.km - km).abs() < 0.5)),
            );
            check(
                "direction",
                g.direction.as_ref().map(|d| direction.as_ref() == Some(d)),
            );
            check("from", g.from.as_ref().map(|f| from.as_ref() == Some(f)));
        }
        Detail::Time { date } => check("date", g.date.as_ref().map(|d| date.as_ref() == Some(d))),
        Detail::Actor { actor, .. } => check("actor", g.actor.as_ref().map(|a| a == actor)),
        Detail::Responsibility { actor, status } => {
            check("status", g.status.map(|s| s == *status));
            check("actor", g.actor.as_ref().map(|a| actor.as_ref() == Some(a)));
        }
        Detail::Means { means } => check("means", g.means.as_ref().map(|m| m == means)),
        Detail::Statement => {}
    }
    checks
}

/// The evaluation as a readable table.
pub fn render(eval: &Evaluation, details: bool) -> String {
    let mut out = String::from(
        "kind            gold  extr  match  prec  recall | all fields right: prec  recall\n",
    );
    for kind in ClaimKind::ALL {
        let s = eval.kind(kind);
        out.push_str(&format!(
            "{:<14} {:>5} {:>5} {:>6}  {:.2}  {:.2}   |                   {:.2}  {:.2}\n",
            kind.id(),
            s.gold,
            s.extracted,
            s.matched,
            s.precision(),
            s.recall(),
            s.strict_precision(),
            s.strict_recall()
        ));
    }
    out.push_str("\nfield        agreement over matches\n");
    for (name, f) in &eval.fields {
        out.push_str(&format!(
            "{name:<12} {:.2} ({}/{})\n",
            ratio(f.right, f.checked),
            f.right,
            f.checked
        ));
    }
    if details {
        for (title, list) in [
            ("missed", &eval.missed),
            ("spurious", &eval.spurious),
            ("wrong fields", &eval.wrong),
        ] {
            out.push_str(&format!("\n{title} ({}):\n", list.len()));
            for f in list {
                if let Some(g) = &f.gold {
                    out.push_str(&format!(
                        "  gold: {} {} {:?}\n",
                        g.report,
                        g.kind.id(),
                        g.quote
                    ));
                }
                if let Some(c) = &f.claim {
                    out.push_str(&format!("  got:  {c}\n"));
                }
                if !f.wrong.is_empty() {
                    out.push_str(&format!("  wrong: {}\n", f.wrong.join(", ")));
                }
            }
        }
    }
    out
}
