//! The command line: opening the TUI on a file or the bundled sample, and the subcommands that
//! print what the TUI shows, as text or JSON. Exit codes: 0 done, 1 failure, 2 bad input.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Paths;
use crate::store::LoadError;

#[macro_use]
mod out;
mod analysis;
pub mod annotations;
mod data;
pub mod incidents;
mod json;
mod jsonl;
mod logging;
mod open_tui;
mod settings;

/// Exit code for every failure (0 is success): a bad data file or arguments, or a file the
/// system would not read or write. The message says which, and what to do.
pub const EXIT_BAD_INPUT: u8 = 2;

/// crosscheck: compare several reports of one incident, in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about,
    long_about = "crosscheck: compare several reports of one incident, in the terminal.\n\n\
        With no FILE it opens the bundled sample (four reports of an ambush in Egypt's Western \
        Desert), copied on first use into your data directory.",
    after_help = after_help(),
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; with none, open the TUI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Data file (RON) to open; without it, the bundled sample.
    pub file: Option<PathBuf>,
    /// Do not capture the mouse (keeps the terminal's own text selection working).
    #[arg(long)]
    pub no_mouse: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a data file: print its counts, or every problem found (exit 2).
    Check {
        /// The data file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Extract the claims of every report (or one) and print them; with --jsonl, a batch
    /// filter: one article a line in, its claims and tally a line out.
    Extract {
        /// The data file.
        #[arg(required_unless_present = "jsonl")]
        file: Option<PathBuf>,
        /// Read articles as JSON Lines on standard input (the fields `import` reads) and write
        /// one JSON line per article, in order, with no state between lines (docs/batch.md).
        #[arg(long, conflicts_with_all = ["file", "report", "format"])]
        jsonl: bool,
        /// Only this report.
        #[arg(long)]
        report: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimFormat::Table)]
        format: ClaimFormat,
    },
    /// Score extraction against a gold file of the claims an analyst lists.
    Eval {
        /// The gold file (RON).
        gold: PathBuf,
        /// The data file it describes.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also list missed, spurious and wrong claims.
        #[arg(long)]
        details: bool,
    },
    /// Write a deterministic, realistic corpus of N reports (for benchmarks and load tests).
    GenCorpus {
        /// Number of reports.
        #[arg(long)]
        reports: usize,
        /// Seed; the same seed and size always give the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it (must not exist).
        out: PathBuf,
        /// Write the reports as articles in JSON Lines (what `import` and `extract --jsonl`
        /// read) instead of a data file.
        #[arg(long)]
        jsonl: bool,
    },
    /// Add articles to a data file (created if missing): text/Markdown, saved HTML pages,
    /// JSON Lines; directories are read recursively. Duplicates are skipped.
    Import {
        /// The data file.
        file: PathBuf,
        /// Files or directories to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// File every article under this incident (made from the first article when the file
        /// has no incident of that id) instead of grouping them.
        #[arg(long)]
        incident: Option<String>,
    },
    /// Compare the sources on each incident (or one): slots, conflicts, origins, flags; with
    /// --jsonl, a batch filter: one incident's articles a line in, their comparison a line out.
    Compare {
        /// The data file.
        #[arg(required_unless_present = "jsonl")]
        file: Option<PathBuf>,
        /// Read groups of articles as JSON Lines on standard input (an array of articles, or
        /// {"id": …, "articles": [...]}) and write one comparison per line (docs/batch.md).
        #[arg(long, conflicts_with_all = ["file", "incident", "format"])]
        jsonl: bool,
        /// Only this incident.
        #[arg(long)]
        incident: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
    },
    /// Annotate a claim: verdict, credibility grade, note, tags, corrected value, links.
    Annotate(annotations::AnnotateArgs),
    /// Grade a report's source (reliability A-F), with an optional note.
    Grade(annotations::GradeArgs),
    /// Assess a slot of an incident (best value, range, rationale) or set its conflict status.
    Assess(annotations::AssessArgs),
    /// Make a claim of some words of a report (what the TUI's visual mode does).
    AddClaim(annotations::AddClaimArgs),
    /// Undo your last annotation action on a file.
    Undo {
        /// The data file.
        file: PathBuf,
    },
    /// Redo the last action you undid on a file.
    Redo {
        /// The data file.
        file: PathBuf,
    },
    /// List every annotation of a file, orphans included.
    Annotations {
        /// The data file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Include the audit log (who changed what, when).
        #[arg(long)]
        log: bool,
    },
    /// Write the analyst's brief: per slot the assessment, the sources with their grades and
    /// verdicts, the conflicts, the notes.
    Export(annotations::ExportArgs),
    /// Change the grouping of reports into incidents (move, add, merge, split, edit); undo
    /// with `crosscheck undo`
    Incident(incidents::IncidentArgs),
    /// Propose a regrouping of the file's reports into incidents under the current rules,
    /// each move with its reason; apply it as one undo step unless --dry-run
    Regroup {
        /// The data file.
        file: PathBuf,
        /// Print the proposal and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Search headlines, the texts, claims, notes and tags as `/` does in the TUI.
    Search(annotations::SearchArgs),
    /// Show where crosscheck reads its configuration, or print the default key map and
    /// theme to start your own from.
    Config(settings::ConfigArgs),
    /// Print a completion script for your shell (e.g. `crosscheck completions bash >
    /// ~/.local/share/bash-completion/completions/crosscheck`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `crosscheck man | man -l -`.
    Man,
    /// Print the article list grouped by incident, as the TUI shows it.
    List {
        /// The data file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// How claims are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimFormat {
    /// One line a claim.
    Table,
    /// JSON, for scripts.
    Json,
}

/// How comparisons are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Plain text for the terminal.
    Table,
    /// Markdown, for a brief.
    Markdown,
    /// JSON, for scripts.
    Json,
}

/// How subcommands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// JSON, for scripts.
    Json,
}

fn after_help() -> String {
    let paths = Paths::discover();
    format!(
        "Files:\n  key map overrides  {}\n  theme overrides    {}\n  sample copy, log   {}\n\n\
         Keys: press ? in the TUI. The data format: docs/data-format.md.",
        paths.keymap_file().display(),
        paths.theme_file().display(),
        paths.data_dir.display()
    )
}

/// Parse the command line, run, and turn the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = Paths::discover();
    let _log = logging::init(&paths);
    match run(cli, &paths) {
        Ok(code) => code,
        Err(Failure::BadInput(message)) => {
            tell!("{message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
        // One exit code for every failure: the message says what went wrong and what to do.
        Err(Failure::Other(e)) => {
            tell!("error: {e}");
            tell!(
                "  help: check the file's permissions and the free space; details are in {}",
                paths.log_file().display()
            );
            tracing::error!("{e:#}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// Input the user must fix; the message says where and how. Exit code 2.
    BadInput(String),
    /// The system refused (permissions, a full disk, a terminal that is not one). Exit code 2
    /// too: every failure is one the user must see to.
    Other(anyhow::Error),
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::BadInput(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Other(e.into())
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli, paths: &Paths) -> Result<ExitCode, Failure> {
    match cli.command {
        Some(Command::Check { file, format }) => data::check(&file, format),
        Some(Command::List { file, format }) => data::list(&file, format),
        Some(Command::Compare { jsonl: true, .. }) => analysis::compare_jsonl(),
        Some(Command::Compare {
            file: Some(file),
            incident,
            format,
            ..
        }) => analysis::compare(&file, incident.as_deref(), format),
        Some(Command::Import {
            file,
            paths,
            incident,
        }) => data::import(&file, &paths, incident.as_deref()),
        Some(Command::GenCorpus {
            reports,
            seed,
            out,
            jsonl,
        }) => data::gen_corpus(reports, seed, &out, jsonl),
        Some(Command::Eval {
            gold,
            file,
            format,
            details,
        }) => analysis::eval(&gold, &file, format, details),
        Some(Command::Extract { jsonl: true, .. }) => analysis::extract_jsonl(),
        Some(Command::Extract {
            file: Some(file),
            report,
            format,
            ..
        }) => analysis::extract(&file, report.as_deref(), format),
        // clap requires a file without --jsonl.
        Some(Command::Extract { file: None, .. } | Command::Compare { file: None, .. }) => Err(
            Failure::BadInput("error: give a data file, or --jsonl to read standard input".into()),
        ),
        Some(Command::Annotate(args)) => annotations::annotate(args, paths),
        Some(Command::Grade(args)) => annotations::grade(args, paths),
        Some(Command::Assess(args)) => annotations::assess(args, paths),
        Some(Command::AddClaim(args)) => annotations::add_claim(args, paths),
        Some(Command::Undo { file }) => annotations::undo_redo(&file, false, paths),
        Some(Command::Redo { file }) => annotations::undo_redo(&file, true, paths),
        Some(Command::Annotations { file, format, log }) => {
            annotations::list(&file, format, log, paths)
        }
        Some(Command::Export(args)) => annotations::export(args, paths),
        Some(Command::Incident(args)) => incidents::incident(args, paths),
        Some(Command::Search(args)) => annotations::search(args, paths),
        Some(Command::Config(args)) => settings::config(&args, paths),
        Some(Command::Completions { shell }) => settings::completions(shell),
        Some(Command::Man) => settings::man(),
        Some(Command::Regroup { file, dry_run }) => incidents::regroup_file(&file, dry_run, paths),
        None => open_tui::open(cli.file.as_deref(), !cli.no_mouse, paths),
    }
}
