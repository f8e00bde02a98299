//! The data file itself: checking it, listing its reports by incident, importing articles
//! into it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::article_index::ArticleIndex;
use crate::model::{Corpus, Field};
use crate::store::{self, Problem};
use crate::text;
use crate::tui::{self};

use super::{EXIT_BAD_INPUT, Failure, Format, incidents, out};

/// JSON form of a problem.
#[derive(Serialize)]
struct ProblemJson<'a> {
    kind: String,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: &'a str,
}

impl<'a> From<&'a Problem> for ProblemJson<'a> {
    fn from(p: &'a Problem) -> Self {
        ProblemJson {
            kind: format!("{:?}", p.kind),
            line: p.at.map(|a| a.line),
            column: p.at.map(|a| a.col),
            message: &p.message,
            help: &p.help,
        }
    }
}

pub fn check(file: &Path, format: Format) -> Result<ExitCode, Failure> {
    let loaded = match store::load(file) {
        Ok(loaded) => loaded,
        Err(e) if format == Format::Json => {
            let problems: Vec<ProblemJson> = e.problems.iter().map(ProblemJson::from).collect();
            let out = serde_json::json!({ "file": file, "ok": false, "problems": problems });
            say!("{}", out::json(&out));
            tell!("{e}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
        Err(e) => return Err(e.into()),
    };
    let corpus = &loaded.corpus;
    let index = ArticleIndex::build(corpus);
    let per_incident: Vec<(String, String, usize)> = index
        .groups
        .iter()
        .map(|g| match g.incident {
            Some(i) => {
                let x = &corpus.incidents[i];
                (
                    x.id.clone(),
                    format!("{} ({})", x.title, x.date_text()),
                    g.reports.len(),
                )
            }
            None => (
                String::new(),
                "not assigned to an incident".to_string(),
                g.reports.len(),
            ),
        })
        .collect();
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "file": file,
                "ok": true,
                "version": corpus.version,
                "incidents": corpus.incidents.len(),
                "reports": corpus.reports.len(),
                "body_bytes": corpus.body_bytes(),
                "reports_by_incident": per_incident.iter().map(|(id, title, n)| serde_json::json!({
                    "incident": if id.is_empty() { None } else { Some(id) },
                    "title": title,
                    "reports": n,
                })).collect::<Vec<_>>(),
            });
            say!("{}", out::json(&out));
        }
        Format::Text => {
            say!("{}: OK (format version {})", file.display(), corpus.version);
            say!(
                "  {} incidents, {} reports, {} bytes of report text",
                corpus.incidents.len(),
                corpus.reports.len(),
                corpus.body_bytes()
            );
            // A big file gets the first incidents and a count, not thousands of lines.
            const SHOWN: usize = 12;
            for (_, title, n) in per_incident.iter().take(SHOWN) {
                let s = if *n == 1 { "" } else { "s" };
                say!("  {}: {n} report{s}", text::sanitize(title));
            }
            if per_incident.len() > SHOWN {
                say!(
                    "  ... and {} more incidents (crosscheck list shows them all)",
                    per_incident.len() - SHOWN
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// JSON form of a metadata field: the value and whether it is inferred.
pub fn field_json<T: ToString>(field: &Field<T>) -> serde_json::Value {
    match field {
        Field::Unknown => serde_json::Value::Null,
        Field::Stated(v) => serde_json::json!({ "value": v.to_string(), "inferred": false }),
        Field::Inferred { value, why } => {
            serde_json::json!({ "value": value.to_string(), "inferred": true, "why": why })
        }
    }
}

pub fn list(file: &Path, format: Format) -> Result<ExitCode, Failure> {
    let loaded = incidents::load_regrouped(file)?;
    let corpus: &Corpus = &loaded.corpus;
    let index = ArticleIndex::build(corpus);
    match format {
        Format::Json => {
            let groups: Vec<serde_json::Value> = index
                .groups
                .iter()
                .map(|g| {
                    let incident = g.incident.map(|i| &corpus.incidents[i]);
                    let reports: Vec<serde_json::Value> = g
                        .reports
                        .iter()
                        .map(|&r| {
                            let report = &corpus.reports[r];
                            let (headline, from_text) = report.display_headline();
                            serde_json::json!({
                                "id": report.id,
                                "headline": headline,
                                "headline_from_text": from_text,
                                "outlet": field_json(&report.outlet),
                                "wire": field_json(&report.wire),
                                "dateline": field_json(&report.dateline),
                                "published": field_json(&report.published),
                            })
                        })
                        .collect();
                    serde_json::json!({
                        "incident": incident.map(|x| serde_json::json!({
                            "id": x.id, "title": x.title, "date": x.date.map(|d| d.to_string()), "place": x.place,
                        })),
                        "reports": reports,
                    })
                })
                .collect();
            let out = serde_json::json!({ "file": file, "groups": groups });
            say!("{}", out::json(&out));
        }
        Format::Text => {
            for g in &index.groups {
                match g.incident.map(|i| &corpus.incidents[i]) {
                    Some(x) => say!(
                        "{} ({}) [{}]",
                        text::sanitize(&x.title),
                        x.date_text(),
                        text::sanitize(&x.id)
                    ),
                    None => say!("Not assigned to an incident"),
                }
                for &r in &g.reports {
                    let report = &corpus.reports[r];
                    let (source, inferred) = tui::panes::describe::source_label(report);
                    let (date, date_inferred) = tui::panes::describe::date_label(report);
                    let mark = |b: bool| {
                        if b {
                            tui::panes::describe::INFERRED_MARK
                        } else {
                            ""
                        }
                    };
                    say!(
                        "  {date}{} {source}{} {}  [{}]",
                        mark(date_inferred),
                        mark(inferred),
                        text::sanitize(&report.display_headline().0),
                        text::sanitize(&report.id)
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(file: &Path, paths: &[PathBuf], under: Option<&str>) -> Result<ExitCode, Failure> {
    if let Some(id) = under
        && (id.is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()))
    {
        return Err(Failure::BadInput(format!(
            "error: --incident {:?} is not an id\n  help: an incident id is one word, such as shooting-dayton-2016-03-12",
            text::sanitize(id)
        )));
    }
    let files = crate::import::collect_files(paths)
        .map_err(|e| Failure::BadInput(format!("error: {}", text::sanitize(&e.to_string()))))?;
    // A progress bar for big imports, on a terminal only: logs and pipes get the summary.
    let bar = (files.len() > 20 && std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .then(|| indicatif::ProgressBar::new(files.len() as u64));
    let read = crate::import::read_all(&files, |n| {
        if let Some(bar) = &bar {
            bar.set_position(n as u64);
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let read = read.map_err(|errors| {
        let mut message: Vec<String> = errors
            .iter()
            .map(|e| format!("error: {}", text::sanitize(&e.to_string())))
            .collect();
        message.push(format!(
            "{} file(s) could not be read; nothing was imported and {} was not changed.",
            errors.len(),
            text::sanitize(&file.display().to_string())
        ));
        Failure::BadInput(message.join("\n"))
    })?;
    for note in &read.skipped {
        tell!("note: {}", text::sanitize(note));
    }
    let articles = read.articles;
    // Read, group and write under the data file's lock: imports running side by side land
    // one after another, each over the file as the one before left it.
    let lock = store::lock_data(file).map_err(|e| Failure::BadInput(format!("error: {e}")))?;
    let (mut corpus, expected) = if file.exists() {
        let loaded = store::load(file)?;
        (loaded.corpus, Some(loaded.fingerprint))
    } else {
        (Corpus::new(), None)
    };
    let extractor = crate::extract::Extractor::default();
    let summary = match under {
        Some(id) => crate::import::import_under(&mut corpus, articles, &extractor, id),
        None => crate::import::import(&mut corpus, articles, &extractor),
    };
    if summary.added.is_empty() {
        say!(
            "Nothing new to import ({} already in {}).",
            summary.duplicates.len(),
            file.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    store::save_locked(&corpus, file, expected.as_ref(), &lock)
        .map_err(|e| Failure::BadInput(format!("error: {e}")))?;
    drop(lock);
    say!(
        "{}: added {} report(s), {} new incident(s), {} duplicate(s) skipped",
        file.display(),
        summary.added.len(),
        summary.created.len(),
        summary.duplicates.len()
    );
    for (id, source, incidents, how) in &summary.added {
        say!(
            "  {id} <- {}\n      {} ({how})",
            text::sanitize(source),
            incidents.join(", ")
        );
    }
    for (source, id) in &summary.duplicates {
        say!("  skipped {} (same text as {id})", text::sanitize(source));
    }
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck gen-corpus`: a realistic corpus of `reports` reports, as a data file or as
/// articles in JSON Lines.
pub fn gen_corpus(reports: usize, seed: u64, out: &Path, jsonl: bool) -> Result<ExitCode, Failure> {
    let corpus = crate::generate::corpus(reports, seed);
    if jsonl {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(out)
            .map_err(|e| {
                Failure::BadInput(format!(
                    "error: {}: {}\n  help: give a path that does not exist",
                    out.display(),
                    crate::text::io_reason(&e)
                ))
            })?;
        let mut to = std::io::BufWriter::new(file);
        for r in &corpus.reports {
            let article = crate::generate::article_line(r);
            serde_json::to_writer(&mut to, &article).map_err(std::io::Error::other)?;
            std::io::Write::write_all(&mut to, b"\n")?;
        }
        std::io::Write::flush(&mut to)?;
    } else {
        store::save(&corpus, out, None).map_err(|e| Failure::BadInput(format!("error: {e}")))?;
    }
    say!(
        "{}: {} reports, {} incidents, {} bytes of text",
        out.display(),
        corpus.reports.len(),
        corpus.incidents.len(),
        corpus.body_bytes()
    );
    Ok(ExitCode::SUCCESS)
}
