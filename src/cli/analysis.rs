//! What crosscheck reads from the data file: the claims of each report, the comparison of
//! each incident's sources, and the evaluation against gold annotations.

use std::path::Path;
use std::process::ExitCode;

use crate::store::{self};
use crate::text;

use std::io::Write;

use super::{ClaimFormat, CompareFormat, Failure, Format, incidents, json, out};

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
    let reports: Vec<&crate::model::Report> = corpus
        .reports
        .iter()
        .filter(|r| only.is_none_or(|id| r.id == id))
        .collect();
    let mut stdout = out::Stdout::new();
    match format {
        ClaimFormat::Json => extract_json(corpus, &reports, &mut stdout)?,
        ClaimFormat::Table => each_extracted(corpus, &reports, |report, claims| {
            writeln!(
                stdout,
                "{} ({} claims)",
                text::sanitize(&report.id),
                claims.len()
            )?;
            for claim in claims {
                writeln!(
                    stdout,
                    "  {}",
                    text::sanitize_lines(&crate::model::describe(claim))
                )?;
            }
            Ok(())
        })?,
    }
    stdout.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Reports extracted at once: enough to keep every core busy, few enough that their claims
/// take little memory (a file's claims, held together, take some forty times its text).
const CHUNK: usize = 256;

/// Extract `reports` of `corpus` chunk by chunk on all cores, and hand each report with its
/// claims to `each`, in order. Memory holds one chunk's claims, not the file's.
fn each_extracted(
    corpus: &crate::model::Corpus,
    reports: &[&crate::model::Report],
    mut each: impl FnMut(&crate::model::Report, &[crate::model::Claim]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let extractor = crate::extract::Extractor::default();
    let incidents = crate::extract::incident::Incidents::new(corpus);
    for chunk in reports.chunks(CHUNK) {
        let claims: Vec<Vec<crate::model::Claim>> = chunk
            .par_iter()
            .map(|r| extractor.report_in(r, &incidents))
            .collect();
        for (report, claims) in chunk.iter().zip(&claims) {
            each(report, claims)?;
        }
    }
    Ok(())
}

/// `extract --format json`: `{"claims": [...], "reports": [...]}`, the claims streamed as
/// they are extracted and each report's line (with its tally) kept until the end.
fn extract_json(
    corpus: &crate::model::Corpus,
    reports: &[&crate::model::Report],
    to: &mut out::Stdout,
) -> std::io::Result<()> {
    let mut doc = json::Document::start(to)?;
    doc.array("claims")?;
    let mut lines = Vec::with_capacity(reports.len());
    each_extracted(corpus, reports, |r, claims| {
        for claim in claims {
            doc.item(claim)?;
        }
        lines.push(serde_json::json!({
            "id": r.id,
            "headline": r.display_headline().0,
            "outlet": super::data::field_json(&r.outlet),
            "published": super::data::field_json(&r.published),
            "source": r.provenance.as_ref().map(|p| p.source.as_str()),
            "tally": crate::extract::tally::of_report(r, claims),
        }));
        Ok(())
    })?;
    doc.array("reports")?;
    for line in &lines {
        doc.item(line)?;
    }
    doc.finish()?;
    Ok(())
}

/// Incidents compared at once.
const INCIDENT_CHUNK: usize = 64;

/// Compare every incident of `corpus` (or `only`) and hand each comparison to `each`, in file
/// order, holding the claims of one chunk of incidents at a time: a first pass finds which
/// reports speak of which incident (claims about another incident make a report part of its
/// comparison), a second extracts each chunk's reports again, on all cores.
fn each_compared(
    corpus: &crate::model::Corpus,
    only: Option<&str>,
    mut each: impl FnMut(&crate::compare::Comparison) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let extractor = crate::extract::Extractor::default();
    let incidents = crate::extract::incident::Incidents::new(corpus);
    let all: Vec<&crate::model::Report> = corpus.reports.iter().collect();
    // Which incidents each report's claims are about.
    let mut members: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    let mut index = 0;
    each_extracted(corpus, &all, |report, claims| {
        let about = report
            .incidents
            .iter()
            .chain(claims.iter().map(|c| &c.incident));
        for id in about {
            if let Some(incident) = corpus.incident(id) {
                let list = members.entry(incident.id.as_str()).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        index += 1;
        Ok(())
    })?;
    let wanted: Vec<&crate::model::Incident> = corpus
        .incidents
        .iter()
        .filter(|i| only.is_none_or(|o| o == i.id))
        .collect();
    let mut claims: Vec<Vec<crate::model::Claim>> = vec![Vec::new(); corpus.reports.len()];
    for chunk in wanted.chunks(INCIDENT_CHUNK) {
        let mut needed: Vec<usize> = chunk
            .iter()
            .flat_map(|i| members.get(i.id.as_str()).into_iter().flatten().copied())
            .collect();
        needed.sort_unstable();
        needed.dedup();
        let read: Vec<Vec<crate::model::Claim>> = needed
            .par_iter()
            .map(|&r| extractor.report_in(&corpus.reports[r], &incidents))
            .collect();
        for (&r, c) in needed.iter().zip(read) {
            claims[r] = c;
        }
        let compared: Vec<crate::compare::Comparison> = chunk
            .par_iter()
            .map(|i| {
                let of = members.get(i.id.as_str()).map(Vec::as_slice);
                crate::compare::compare_members(
                    corpus,
                    &claims,
                    &i.id,
                    of.unwrap_or_default(),
                    extractor.lexicon(),
                )
            })
            .collect();
        for c in &compared {
            each(c)?;
        }
        for &r in &needed {
            claims[r] = Vec::new();
        }
    }
    Ok(())
}

/// `extract --jsonl`: the batch filter over articles.
pub fn extract_jsonl() -> Result<ExitCode, Failure> {
    let extractor = crate::extract::Extractor::default();
    run_filter(|line| crate::batch::extract_line(line, &extractor))
}

/// `compare --jsonl`: the batch filter over groups of articles.
pub fn compare_jsonl() -> Result<ExitCode, Failure> {
    let extractor = crate::extract::Extractor::default();
    run_filter(|line| crate::batch::compare_line(line, &extractor))
}

fn run_filter<T: serde::Serialize + Send>(
    each: impl Fn(&str) -> Result<T, String> + Sync,
) -> Result<ExitCode, Failure> {
    crate::extract::warm_up();
    let mut stdout = out::Stdout::new();
    let counts = super::jsonl::filter(std::io::stdin().lock(), &mut stdout, each)?;
    stdout.finish()?;
    if counts.errors > 0 {
        tell!(
            "{} of {} lines were not understood; each is answered with {{\"error\": …}} in its place",
            counts.errors,
            counts.lines
        );
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
    let mut stdout = out::Stdout::new();
    match (format, only) {
        (CompareFormat::Json, None) => {
            let mut doc = json::Document::start(&mut stdout)?;
            doc.array("incidents")?;
            each_compared(corpus, None, |c| doc.item(c))?;
            doc.finish()?;
        }
        (CompareFormat::Json, Some(_)) => {
            each_compared(corpus, only, |c| writeln!(stdout, "{}", out::json(c)))?;
        }
        (CompareFormat::Markdown, _) => each_compared(corpus, only, |c| {
            let text = crate::compare::render::markdown(c);
            write!(stdout, "{}", text::sanitize_lines(&text))
        })?,
        (CompareFormat::Table, _) => each_compared(corpus, only, |c| {
            let text = crate::compare::render::table(c);
            write!(stdout, "{}", text::sanitize_lines(&text))
        })?,
    }
    stdout.finish()?;
    Ok(ExitCode::SUCCESS)
}
