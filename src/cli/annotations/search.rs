//! `crosscheck search`: what `/` finds in the TUI — headlines, sentences of the text, claims,
//! notes and tags — ranked the same way, as text or JSON.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use serde::Serialize;

use super::super::{Failure, Format, out};
use super::{SearchArgs, open};
use crate::config::Paths;
use crate::search::{HitKind, SearchIndex};

/// One hit, as printed.
#[derive(Debug, Serialize)]
struct Found<'a> {
    kind: HitKind,
    report: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<&'a str>,
    /// Byte offset in the report's text.
    at: usize,
    score: i64,
    text: String,
}

/// `crosscheck search FILE QUERY`.
pub fn search(args: SearchArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let o = open(&args.file, paths)?;
    let corpus = Arc::new(o.corpus);
    let mut index = SearchIndex::build(Arc::clone(&corpus), &o.analysis.listed);
    index.set_notes(&corpus, o.journal.annotations(), &o.analysis.attached);
    // Every hit, best first; the kind is chosen before the limit is applied.
    let answer = index.search(&args.query, None, 0);
    let found: Vec<Found> = answer
        .hits
        .iter()
        .filter_map(|hit| {
            let item = index.items().get(hit.item)?;
            let wanted = args.kind.is_empty() || args.kind.contains(&item.kind.into());
            wanted.then(|| Found {
                kind: item.kind,
                report: corpus
                    .reports
                    .get(item.report)
                    .map_or("", |r| r.id.as_str()),
                claim: item.claim.as_deref(),
                at: item.at,
                score: hit.score,
                text: index.text(hit.item).into_owned(),
            })
        })
        .take(args.limit)
        .collect();
    let mut stdout = out::Stdout::new();
    match args.format {
        Format::Json => writeln!(stdout, "{}", out::json(&found))?,
        Format::Text => {
            for f in &found {
                writeln!(
                    stdout,
                    "{:<8} {}  {}",
                    f.kind.label(),
                    crate::text::sanitize(f.report),
                    crate::text::sanitize(&f.text)
                )?;
            }
            if found.is_empty() {
                tell!("nothing matches {:?}", args.query);
            }
        }
    }
    stdout.finish()?;
    Ok(ExitCode::SUCCESS)
}
