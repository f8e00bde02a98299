//! `crosscheck export`: the brief of an incident, or of every incident.

use std::path::Path;
use std::process::ExitCode;

use super::super::Failure;
use super::super::out;
use super::{BriefFormat, ExportArgs, Opened, bad, open};
use crate::annotate::brief::{self, Inputs};
use crate::config::Paths;
use crate::store;

/// The brief of `o`, rendered.
fn render_brief(o: &Opened, file: &Path, incident: Option<&str>, format: BriefFormat) -> String {
    let b = brief::build(
        Inputs {
            corpus: &o.corpus,
            file: &file.display().to_string(),
            claims: &o.analysis.listed,
            comparisons: &o.analysis.comparisons,
            annotations: o.journal.annotations(),
            attached: &o.analysis.attached,
        },
        incident,
    );
    match format {
        BriefFormat::Markdown => brief::markdown(&b),
        BriefFormat::Csv => brief::csv(&b),
        BriefFormat::Json => out::json(&b) + "\n",
    }
}

/// `crosscheck export`.
pub fn export(args: ExportArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let o = open(&args.file, paths)?;
    if let Some(id) = &args.incident
        && o.corpus.incidents.iter().all(|i| &i.id != id)
    {
        return Err(bad(
            format!("no incident {id} in {}", args.file.display()),
            "`crosscheck list FILE` lists the incidents with their ids",
        ));
    }
    let text = render_brief(&o, &args.file, args.incident.as_deref(), args.format);
    match &args.out {
        Some(out) => {
            store::replace_file(out, text.as_bytes()).map_err(|e| {
                Failure::Other(anyhow::anyhow!(
                    "cannot write {}: {}",
                    out.display(),
                    crate::text::io_reason(&e)
                ))
            })?;
            tell!("brief written to {}", out.display());
        }
        None => say_block!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
