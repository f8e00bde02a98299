//! What crosscheck reads from the data file: the claims of each report, the comparison of
//! each incident's sources, and the evaluation against gold annotations.

use std::path::Path;
use std::process::ExitCode;

use crate::store::{self};
use crate::text;

use super::{ClaimFormat, CompareFormat, Failure, Format, incidents, out};

pub fn extract(file: &Path, only: Option<&str>, format: ClaimFormat) -> Result<ExitCode, Failure> {
    let loaded = incidents::load_regrouped(file)?;
    let corpus = &loaded.corpus;
    if let Some(id) = only
        && corpus.report(id).is_none()
    {
        let known: Vec<&str> = corpus
            .reports
            .iter()
            .map(|r| r.id.as_str())
            .take(8)
            .collect();
        return Err(Failure::BadInput(format!(
            "error: {}: no report \"{id}\"\n  help: report ids in this file include: {}",
            file.display(),
            known.join(", ")
        )));
    }
    let extractor = crate::extract::Extractor::default();
    let reports: Vec<&crate::model::Report> = corpus
        .reports
        .iter()
        .filter(|r| only.is_none_or(|id| r.id == id))
        .collect();
    let claims: Vec<Vec<crate::model::Claim>> = if only.is_some() {
        reports
            .iter()
            .map(|r| extractor.report(r, corpus))
            .collect()
    } else {
        extractor.corpus(corpus)
    };
    match format {
        ClaimFormat::Json => {
            let reports_json: Vec<serde_json::Value> = reports
                .iter()
                .zip(&claims)
                .map(|(r, claims)| {
                    serde_json::json!({
                        "id": r.id,
                        "headline": r.display_headline().0,
                        "outlet": super::data::field_json(&r.outlet),
                        "published": super::data::field_json(&r.published),
                        "source": r.provenance.as_ref().map(|p| p.source.as_str()),
                        "tally": crate::extract::tally::of_report(r, claims),
                    })
                })
                .collect();
            let all: Vec<&crate::model::Claim> = claims.iter().flatten().collect();
            let out = serde_json::json!({ "reports": reports_json, "claims": all });
            say!("{}", out::json(&out));
        }
        ClaimFormat::Table => {
            for (report, claims) in reports.iter().zip(&claims) {
                say!("{} ({} claims)", text::sanitize(&report.id), claims.len());
                for claim in claims {
                    say!("  {}", crate::model::describe(claim));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(
    gold_path: &Path,
    file: &Path,
    format: Format,
    details: bool,
) -> Result<ExitCode, Failure> {
    let gold = crate::eval::load_gold(gold_path)?;
    let loaded = store::load(file)?;
    let claims = crate::extract::Extractor::default().corpus(&loaded.corpus);
    let evaluation = crate::eval::evaluate(&gold, &loaded.corpus, &claims).map_err(|e| {
        Failure::BadInput(format!(
            "error: {}: {e}\n  help: correct the gold file",
            gold_path.display()
        ))
    })?;
    match format {
        Format::Json => say!("{}", out::json(&evaluation)),
        Format::Text => say_block!("{}", crate::eval::render(&evaluation, details)),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn compare(
    file: &Path,
    only: Option<&str>,
    format: CompareFormat,
) -> Result<ExitCode, Failure> {
    let loaded = incidents::load_regrouped(file)?;
    let corpus = &loaded.corpus;
    if let Some(id) = only
        && corpus.incident(id).is_none()
    {
        let known: Vec<&str> = corpus
            .incidents
            .iter()
            .map(|i| i.id.as_str())
            .take(8)
            .collect();
        return Err(Failure::BadInput(format!(
            "error: {}: no incident \"{id}\"\n  help: incident ids in this file include: {}",
            file.display(),
            known.join(", ")
        )));
    }
    let extractor = crate::extract::Extractor::default();
    let claims = extractor.corpus(corpus);
    let comparisons: Vec<crate::compare::Comparison> = match only {
        Some(id) => vec![crate::compare::compare(
            corpus,
            &claims,
            id,
            extractor.lexicon(),
        )],
        None => crate::compare::compare_all(corpus, &claims, extractor.lexicon()),
    };
    match format {
        CompareFormat::Json => {
            let out = match only {
                Some(_) => serde_json::to_value(&comparisons[0]),
                None => serde_json::to_value(serde_json::json!({ "incidents": comparisons })),
            }
            .expect("comparisons encode");
            say!("{}", out::json(&out));
        }
        CompareFormat::Markdown => {
            for c in &comparisons {
                say_block!("{}", crate::compare::render::markdown(c));
            }
        }
        CompareFormat::Table => {
            for c in &comparisons {
                say_block!(
                    "{}",
                    text::sanitize_lines(&crate::compare::render::table(c))
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
