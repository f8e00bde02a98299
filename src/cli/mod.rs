//! The command line: opening the TUI on a file or the bundled sample, and the subcommands that
//! print what the TUI shows, as text or JSON. Exit codes: 0 done, 1 failure, 2 bad input.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::article_index::ArticleIndex;
use crate::config::Paths;
use crate::model::{Corpus, Field};
use crate::store::{self, LoadError, Problem};
use crate::tui::app::Layer;
use crate::tui::config::keymap::KeyMap;
use crate::tui::config::theme::Theme;
use crate::tui::{self, App, Document};
use crate::{sample, text};

#[macro_use]
mod out;
pub mod annotations;
pub mod incidents;
mod logging;

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
    /// Extract the claims of every report (or one) and print them.
    Extract {
        /// The data file.
        file: PathBuf,
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
    /// Compare the sources on each incident (or one): slots, conflicts, origins, flags.
    Compare {
        /// The data file.
        file: PathBuf,
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
        Some(Command::Check { file, format }) => check(&file, format),
        Some(Command::List { file, format }) => list(&file, format),
        Some(Command::Compare {
            file,
            incident,
            format,
        }) => compare(&file, incident.as_deref(), format),
        Some(Command::Import {
            file,
            paths,
            incident,
        }) => import(&file, &paths, incident.as_deref()),
        Some(Command::GenCorpus { reports, seed, out }) => {
            let corpus = crate::generate::corpus(reports, seed);
            store::save(&corpus, &out, None)
                .map_err(|e| Failure::BadInput(format!("error: {e}")))?;
            say!(
                "{}: {} reports, {} incidents, {} bytes of text",
                out.display(),
                corpus.reports.len(),
                corpus.incidents.len(),
                corpus.body_bytes()
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval {
            gold,
            file,
            format,
            details,
        }) => eval(&gold, &file, format, details),
        Some(Command::Extract {
            file,
            report,
            format,
        }) => extract(&file, report.as_deref(), format),
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
        Some(Command::Regroup { file, dry_run }) => incidents::regroup_file(&file, dry_run, paths),
        None => open_tui(cli.file.as_deref(), !cli.no_mouse, paths),
    }
}

fn open_tui(file: Option<&Path>, mouse: bool, paths: &Paths) -> Result<ExitCode, Failure> {
    let mut notices: Vec<String> = Vec::new();
    let doc = match file {
        Some(path) => watched(path)?,
        None => match sample::ensure_copy(&paths.data_dir) {
            Ok(copy) => {
                if copy.created {
                    notices.push(format!("Sample copied to {}", copy.path.display()));
                }
                watched(&copy.path)?
            }
            Err(e) => {
                // Browsing needs no file: fall back to the embedded text, and say so.
                tracing::warn!("cannot copy the sample: {e}");
                notices.push(format!(
                    "Sample not copied ({e}); browsing the built-in copy"
                ));
                let corpus = store::parse(sample::TEXT.as_bytes(), Path::new(sample::FILE_NAME))?;
                Document::new(corpus, format!("{} (built in)", sample::FILE_NAME))
            }
        },
    };
    tracing::info!(file = %doc.name, reports = doc.corpus.reports.len(), "opening");

    let mut config_problems: Vec<String> = Vec::new();
    let keymap = match read_optional(&paths.keymap_file())? {
        Some(text) => {
            let (map, problems) = KeyMap::with_user_file(&text, &paths.keymap_file());
            config_problems.extend(problems.map(|p| p.to_string()));
            map
        }
        None => KeyMap::defaults(),
    };
    let mut theme = match read_optional(&paths.theme_file())? {
        Some(text) => {
            let (theme, problems) = Theme::with_user_file(&text, &paths.theme_file());
            config_problems.extend(problems.map(|p| p.to_string()));
            theme
        }
        None => Theme::defaults(),
    };
    if Theme::no_color_requested() {
        theme = theme.without_colour();
    }

    let journal = match file {
        Some(path) => Some(crate::annotate::Journal::open(
            path,
            annotations::user(paths),
        )?),
        None if !doc.name.ends_with("(built in)") => Some(crate::annotate::Journal::open(
            Path::new(&doc.name),
            annotations::user(paths),
        )?),
        None => None,
    };
    let mut app = App::new(doc, tui::config::Config { keymap, theme }, (80, 24));
    let mut journal = journal;
    let recovered = journal
        .as_mut()
        .map(crate::annotate::Journal::take_notices)
        .unwrap_or_default();
    if !recovered.is_empty() {
        app.view
            .layers
            .push(Layer::notice("Annotations recovered", recovered));
    }
    if !config_problems.is_empty() {
        for problem in &config_problems {
            tracing::warn!("{problem}");
        }
        let mut lines = vec![
            "Your configuration has problems; the defaults are used for the files below."
                .to_string(),
            String::new(),
        ];
        lines.extend(
            config_problems
                .iter()
                .flat_map(|p| p.lines().map(str::to_string)),
        );
        app.view
            .layers
            .push(Layer::notice("Configuration problems", lines));
    }
    app.view.status = notices.pop();
    tui::run(app, journal, mouse)?;
    Ok(ExitCode::SUCCESS)
}

/// The document of the data file at `path`, with what the TUI needs to notice it change.
fn watched(path: &Path) -> Result<Document, Failure> {
    let stamp = store::Stamp::of(path);
    let loaded = store::load(path)?;
    let mut doc = Document::new(loaded.corpus, path.display().to_string());
    doc.source = Some(tui::app::Source {
        path: path.to_path_buf(),
        stamp,
        fingerprint: loaded.fingerprint,
    });
    Ok(doc)
}

fn read_optional(path: &Path) -> Result<Option<String>, Failure> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::BadInput(format!(
            "error: {}: cannot read: {e}\n  help: fix or remove the file",
            path.display()
        ))),
    }
}

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

fn check(file: &Path, format: Format) -> Result<ExitCode, Failure> {
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
fn field_json<T: ToString>(field: &Field<T>) -> serde_json::Value {
    match field {
        Field::Unknown => serde_json::Value::Null,
        Field::Stated(v) => serde_json::json!({ "value": v.to_string(), "inferred": false }),
        Field::Inferred { value, why } => {
            serde_json::json!({ "value": value.to_string(), "inferred": true, "why": why })
        }
    }
}

fn list(file: &Path, format: Format) -> Result<ExitCode, Failure> {
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

fn extract(file: &Path, only: Option<&str>, format: ClaimFormat) -> Result<ExitCode, Failure> {
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
                        "outlet": field_json(&r.outlet),
                        "published": field_json(&r.published),
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
                    say!("  {}", crate::extract::describe(claim));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(gold_path: &Path, file: &Path, format: Format, details: bool) -> Result<ExitCode, Failure> {
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

fn import(file: &Path, paths: &[PathBuf], under: Option<&str>) -> Result<ExitCode, Failure> {
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

fn compare(file: &Path, only: Option<&str>, format: CompareFormat) -> Result<ExitCode, Failure> {
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
