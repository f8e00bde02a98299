//! `crosscheck incident`: the analyst's grouping from the command line — move a report, add it
//! to a second incident, merge two incidents, split reports off, edit an incident — each kept
//! in the journal beside the data file and undone with `crosscheck undo`. Also the loading
//! every command shares: the data file with that grouping laid over it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::Failure;
use super::annotations::{acknowledge, user};
use crate::annotate::{IncidentEdit, Journal, RegroupError, Target, Value, regroup, regrouped};
use crate::config::Paths;
use crate::model::DateSpan;
use crate::store::{self, Loaded};

/// Arguments of `crosscheck incident`.
#[derive(Debug, Args)]
pub struct IncidentArgs {
    /// Data file (RON)
    pub file: PathBuf,
    /// What to change
    #[command(subcommand)]
    pub op: IncidentOp,
}

/// A change to the grouping of reports into incidents.
#[derive(Debug, Subcommand)]
pub enum IncidentOp {
    /// Move a report from its main incident to another
    Move {
        /// The report's id (`crosscheck list FILE`)
        report: String,
        /// The incident it belongs to
        to: String,
    },
    /// Add a report to a second incident it also covers
    Add {
        /// The report's id
        report: String,
        /// The incident it also covers
        to: String,
    },
    /// Merge an incident into another: its reports move, it goes
    Merge {
        /// The incident that goes
        from: String,
        /// The incident that stays
        into: String,
    },
    /// Split reports off into a new incident
    Split {
        /// The new incident's title
        #[arg(long)]
        title: String,
        /// The reports that move to it
        #[arg(required = true)]
        reports: Vec<String>,
    },
    /// Edit an incident's title, date or place
    Edit {
        /// The incident's id
        id: String,
        /// Its new title
        #[arg(long)]
        title: Option<String>,
        /// Its date: 2017-10-20, 2017-10, 2017, or a range 2017-10-20/2017-10-22
        #[arg(long)]
        date: Option<String>,
        /// Where it happened, in words
        #[arg(long)]
        place: Option<String>,
    },
}

/// The data file at `file` with the analyst's grouping from its journal laid over it: what
/// every command and the TUI show.
pub fn load_regrouped(file: &Path) -> Result<Loaded, Failure> {
    Ok(open_for_change(file, String::new())?.0)
}

/// The data file at `file`, checked first, with its grouping laid over it, and its journal
/// open for `user`'s changes.
fn open_for_change(file: &Path, user: String) -> Result<(Loaded, Journal), Failure> {
    let mut loaded = store::load(file)?;
    let journal = super::annotations::open_journal(file, user)?;
    loaded.corpus = regrouped(loaded.corpus, journal.annotations());
    Ok((loaded, journal))
}

fn refused(e: RegroupError) -> Failure {
    let help = match e {
        RegroupError::NoReport(_) => "`crosscheck list FILE` lists the reports with their ids",
        RegroupError::NoIncident(_) => "`crosscheck list FILE` lists the incidents with their ids",
        RegroupError::Nothing(_) => "nothing was written",
    };
    Failure::BadInput(format!("error: {e}\n  help: {help}"))
}

/// `crosscheck incident FILE …`.
pub fn incident(args: IncidentArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let file = &args.file;
    let (loaded, mut journal) = open_for_change(file, user(paths))?;
    let corpus = loaded.corpus;
    let sets = match args.op {
        IncidentOp::Move { report, to } => regroup::move_report(&corpus, &report, &to),
        IncidentOp::Add { report, to } => regroup::add_report(&corpus, &report, &to),
        IncidentOp::Merge { from, into } => regroup::merge(&corpus, &from, &into),
        IncidentOp::Split { title, reports } => {
            regroup::split(&corpus, &reports, &title).map(|(sets, _)| sets)
        }
        IncidentOp::Edit {
            id,
            title,
            date,
            place,
        } => {
            let mut record = corpus
                .incident(&id)
                .cloned()
                .ok_or_else(|| refused(RegroupError::NoIncident(id.clone())))?;
            if let Some(t) = title {
                record.title = t;
            }
            if let Some(d) = date {
                record.date = Some(d.parse::<DateSpan>().map_err(|e| {
                    Failure::BadInput(format!(
                        "error: date {d:?}: {e}\n  help: write 2017-10-20, 2017-10, 2017 or a range 2017-10-20/2017-10-22"
                    ))
                })?);
                record.date_inferred = None;
            }
            if let Some(p) = place {
                record.place = p;
            }
            regroup::edit(&corpus, &id, record)
        }
    }
    .map_err(refused)?;
    let receipt = journal.set(sets)?;
    acknowledge(&receipt, file);
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck regroup FILE [--dry-run]`: the grouping the current rules propose for the
/// file's reports, each move with its reason; applied as one undo step unless `dry_run`.
pub fn regroup_file(file: &Path, dry_run: bool, paths: &Paths) -> Result<ExitCode, Failure> {
    let (loaded, mut journal) = open_for_change(file, user(paths))?;
    let corpus = loaded.corpus;
    let extractor = crate::extract::Extractor::default();
    let proposal = crate::import::regroup::propose(&corpus, &extractor);
    if proposal.moves.is_empty() {
        say!(
            "{}: the current rules group its {} report(s) as they are",
            file.display(),
            corpus.reports.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let clean = crate::text::sanitize;
    for i in &proposal.created {
        say!("new incident {}: {}", i.id, clean(&i.title));
    }
    for m in &proposal.moves {
        say!(
            "{}: {} -> {} ({})",
            m.report,
            m.from.as_deref().unwrap_or("no incident"),
            m.to,
            clean(&m.why)
        );
    }
    if dry_run {
        say!(
            "{} report(s) would move; nothing was written (run without --dry-run to apply)",
            proposal.moves.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut staged = corpus.clone();
    staged.incidents.extend(proposal.created.iter().cloned());
    let mut sets: Vec<(Target, Value)> = proposal
        .created
        .iter()
        .map(|i| {
            (
                Target::Incident(i.id.clone()),
                Value::Incident(Some(IncidentEdit::Set(Box::new(i.clone())))),
            )
        })
        .collect();
    for m in &proposal.moves {
        sets.extend(regroup::move_report(&staged, &m.report, &m.to).map_err(refused)?);
    }
    let receipt = journal.set(sets)?;
    say!(
        "{} report(s) moved as one step (#{}; `crosscheck undo {}` takes it back)",
        proposal.moves.len(),
        receipt.entry.as_ref().map_or(0, |e| e.seq),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}
