//! `crosscheck export`: the brief of an incident, or of every incident, in our own shapes
//! (Markdown, CSV, JSON) or the field's (ACLED, UCDP, MISP, W3C). JSON and the event sheets
//! are written incident by incident as they are made.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::super::Failure;
use super::super::{json, out};
use super::{BriefFormat, ExportArgs, Opened, bad, open};
use crate::annotate::brief::{self, Builder, Inputs};
use crate::annotate::formats::{Event, acled, misp, now_seconds, ucdp, w3c};
use crate::config::Paths;
use crate::store;

/// Write the export of `o` (every incident, or `incident`) in `format` to `to`.
fn write_export(
    o: &Opened,
    file: &Path,
    incident: Option<&str>,
    format: BriefFormat,
    to: &mut dyn Write,
) -> io::Result<()> {
    let name = file.display().to_string();
    let inputs = Inputs {
        corpus: &o.corpus,
        file: &name,
        claims: &o.analysis.listed,
        comparisons: &o.analysis.comparisons,
        annotations: o.journal.annotations(),
        attached: &o.analysis.attached,
    };
    let builder = Builder::new(inputs);
    match format {
        BriefFormat::Markdown => {
            to.write_all(brief::markdown(&brief::build_with(&builder, incident)).as_bytes())
        }
        BriefFormat::Csv => {
            to.write_all(brief::csv(&brief::build_with(&builder, incident)).as_bytes())
        }
        BriefFormat::Json => {
            let mut doc = json::Document::start(to)?;
            doc.field("file", &name)?;
            doc.field("generated", &brief::generated_now())?;
            doc.array("incidents")?;
            for c in builder.comparisons(incident) {
                doc.item(&builder.incident(c))?;
            }
            doc.array("orphans")?;
            for orphan in builder.orphans(incident) {
                doc.item(&orphan)?;
            }
            doc.finish().map(drop)
        }
        BriefFormat::Acled => {
            let now = now_seconds();
            sheet(
                to,
                &acled::COLUMNS,
                builder
                    .comparisons(incident)
                    .map(|c| acled::row(&Event::of(&builder, c), now)),
            )
        }
        BriefFormat::Ucdp => sheet(
            to,
            &ucdp::COLUMNS,
            builder
                .comparisons(incident)
                .enumerate()
                .map(|(n, c)| ucdp::row(&Event::of(&builder, c), n + 1)),
        ),
        BriefFormat::Misp => {
            let today = jiff::Zoned::now().date().to_string();
            let event = |c| misp::event(&Event::of(&builder, c), &today);
            match incident {
                // One incident: one event, as MISP imports it.
                Some(_) => {
                    for c in builder.comparisons(incident) {
                        json::write(&mut *to, &event(c), true)?;
                        to.write_all(b"\n")?;
                    }
                    Ok(())
                }
                // Several: as MISP's API lists events.
                None => {
                    let mut doc = json::Document::start(to)?;
                    doc.array("response")?;
                    for c in builder.comparisons(None) {
                        doc.item(&event(c))?;
                    }
                    doc.finish().map(drop)
                }
            }
        }
        BriefFormat::W3c => {
            let wanted = |r: &crate::model::Report| {
                incident.is_none_or(|i| r.incidents.iter().any(|x| x == i))
            };
            let mut doc = json::Document::start(to)?;
            doc.field("@context", w3c::CONTEXT)?;
            doc.field("type", "AnnotationPage")?;
            doc.field("generated", &brief::generated_now())?;
            doc.array("items")?;
            for a in w3c::annotations(&inputs, wanted) {
                doc.item(&a)?;
            }
            doc.finish().map(drop)
        }
    }
}

/// A CSV sheet: the header, then each row, every cell quoted as CSV needs (and a cell a
/// spreadsheet would run as a formula made text).
fn sheet(
    to: &mut dyn Write,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    writeln!(to, "{}", columns.join(","))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| brief::csv_field(c)).collect();
        writeln!(to, "{}", cells.join(","))?;
    }
    Ok(())
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
    let incident = args.incident.as_deref();
    match &args.out {
        Some(path) => {
            store::replace_file_with(path, |to| {
                write_export(&o, &args.file, incident, args.format, to)
            })
            .map_err(|e| {
                Failure::Other(anyhow::anyhow!(
                    "cannot write {}: {}",
                    path.display(),
                    crate::text::io_reason(&e)
                ))
            })?;
            tell!("{} written to {}", what(args.format), path.display());
        }
        None => {
            let mut stdout = out::Stdout::new();
            // Markdown and CSV cells can hold article text: sanitised as every print is (JSON
            // escapes what could act on a terminal).
            match args.format {
                BriefFormat::Markdown
                | BriefFormat::Csv
                | BriefFormat::Acled
                | BriefFormat::Ucdp => {
                    let mut bytes = Vec::new();
                    write_export(&o, &args.file, incident, args.format, &mut bytes)?;
                    let text = String::from_utf8_lossy(&bytes);
                    stdout.write_all(crate::text::sanitize_lines(&text).as_bytes())?;
                }
                _ => write_export(&o, &args.file, incident, args.format, &mut stdout)?,
            }
            stdout.finish()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn what(format: BriefFormat) -> &'static str {
    match format {
        BriefFormat::Markdown | BriefFormat::Csv | BriefFormat::Json => "brief",
        BriefFormat::Acled => "ACLED sheet",
        BriefFormat::Ucdp => "UCDP sheet",
        BriefFormat::Misp => "MISP event",
        BriefFormat::W3c => "W3C annotations",
    }
}
