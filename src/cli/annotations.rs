//! The annotation subcommands: everything an analyst sets in the TUI, set from the command line
//! with the same journal (so the same durability, and safe beside an open TUI), plus listing
//! the annotations and exporting the brief.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::out;
use super::{EXIT_BAD_INPUT, Failure};
use crate::annotate::brief::{self, Inputs};
use crate::annotate::manual;
use crate::annotate::{
    Analysis, Anchor, Attachment, ConflictStatus, Credibility, Edit, Journal, JournalError,
    Receipt, Reliability, Target, Value, Verdict, suggest,
};
use crate::config::Paths;
use crate::extract::Extractor;
use crate::model::{ClaimKind, Corpus};
use crate::store;

/// `crosscheck annotate`.
#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// The data file.
    pub file: PathBuf,
    /// The claim (ids as `crosscheck extract FILE` prints them).
    pub claim: String,
    /// Verdict: unreviewed, confirmed, disputed, false, extraction-error, uncertain.
    #[arg(long)]
    pub verdict: Option<Verdict>,
    /// Information credibility, 1-6 (0 clears it).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=6))]
    pub grade: Option<u8>,
    /// Take the grade crosscheck suggests (1 when an independent origin agrees); fails if
    /// there is no suggestion.
    #[arg(long, conflicts_with = "grade")]
    pub accept_suggestion: bool,
    /// Replace the note ("" clears it).
    #[arg(long)]
    pub note: Option<String>,
    /// Add a tag (repeatable).
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Remove a tag (repeatable).
    #[arg(long = "untag")]
    pub untags: Vec<String>,
    /// The value the text really gives, when extraction got it wrong ("" clears it).
    #[arg(long)]
    pub corrected: Option<String>,
    /// Link to a claim stating the same fact (repeatable).
    #[arg(long = "link")]
    pub links: Vec<String>,
    /// Remove a link (repeatable).
    #[arg(long = "unlink")]
    pub unlinks: Vec<String>,
}

/// `crosscheck grade`.
#[derive(Debug, Args)]
pub struct GradeArgs {
    /// The data file.
    pub file: PathBuf,
    /// The report whose source is graded.
    pub report: String,
    /// Reliability: A (completely reliable) to F (cannot be judged); "none" clears it.
    pub reliability: String,
    /// Replace the note on the source.
    #[arg(long)]
    pub note: Option<String>,
}

/// `crosscheck assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The data file.
    pub file: PathBuf,
    /// The incident.
    pub incident: String,
    /// The slot, as `crosscheck compare` names it ("security forces killed").
    pub slot: String,
    /// The value you believe.
    #[arg(long)]
    pub best: Option<String>,
    /// The range you hold possible.
    #[arg(long)]
    pub range: Option<String>,
    /// Why.
    #[arg(long)]
    pub rationale: Option<String>,
    /// Status of the conflict: open, confirmed, dismissed, investigating, or none.
    #[arg(long)]
    pub status: Option<String>,
}

/// `crosscheck add-claim`.
#[derive(Debug, Args)]
pub struct AddClaimArgs {
    /// The data file.
    pub file: PathBuf,
    /// The report.
    pub report: String,
    /// The words of the report the claim is (exactly as in the text).
    #[arg(long)]
    pub text: String,
    /// Which occurrence of the words, from 1.
    #[arg(long, default_value_t = 1)]
    pub occurrence: usize,
    /// The kind (casualty, location, time, actor, responsibility, means, statement); without
    /// it, the first crosscheck can read in the words.
    #[arg(long)]
    pub kind: Option<String>,
    /// Who the report says said it.
    #[arg(long)]
    pub said_by: Option<String>,
}

/// `crosscheck export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The data file.
    pub file: PathBuf,
    /// Only this incident.
    #[arg(long)]
    pub incident: Option<String>,
    /// Format.
    #[arg(long, value_enum, default_value_t = BriefFormat::Markdown)]
    pub format: BriefFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// How the brief is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// Markdown, to read and paste.
    Markdown,
    /// CSV, one row per value, for spreadsheets.
    Csv,
    /// JSON, for scripts.
    Json,
}

impl BriefFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            BriefFormat::Markdown => "md",
            BriefFormat::Csv => "csv",
            BriefFormat::Json => "json",
        }
    }
}

impl From<JournalError> for Failure {
    fn from(e: JournalError) -> Self {
        match e {
            JournalError::Damaged(e) => Failure::BadInput(e.to_string()),
            other => Failure::Other(other.into()),
        }
    }
}

fn bad(message: String, help: &str) -> Failure {
    Failure::BadInput(format!("error: {message}\n  help: {help}"))
}

/// The user name entries are signed with.
pub fn user(paths: &Paths) -> String {
    crate::annotate::user_name(paths.user_name().as_deref())
}

/// A data file with its claims, annotations and comparisons.
struct Opened {
    corpus: Corpus,
    journal: Journal,
    analysis: Analysis,
    extractor: Extractor,
}

fn open(file: &Path, paths: &Paths) -> Result<Opened, Failure> {
    let corpus = store::load(file)?.corpus;
    let journal = open_journal(file, user(paths))?;
    let corpus = crate::annotate::regrouped(corpus, journal.annotations());
    let extractor = Extractor::default();
    let extracted = extractor.corpus(&corpus);
    let analysis = Analysis::new(
        &corpus,
        extracted,
        journal.annotations(),
        extractor.lexicon(),
    );
    Ok(Opened {
        corpus,
        journal,
        analysis,
        extractor,
    })
}

/// The journal of the data file at `file`, open for `user`; what it had to set aside is said
/// on standard error.
pub(super) fn open_journal(file: &Path, user: String) -> Result<Journal, Failure> {
    let mut journal = Journal::open(file, user)?;
    for notice in journal.take_notices() {
        tell!("warning: {notice}");
    }
    Ok(journal)
}

pub(super) fn acknowledge(receipt: &Receipt, file: &Path) {
    if let Some(warning) = &receipt.warning {
        tell!("warning: {warning}");
    }
    if receipt.others > 0 {
        tell!(
            "note: {} change(s) by another session were picked up first",
            receipt.others
        );
    }
    match &receipt.entry {
        Some(e) => say!("#{} {}", e.seq, e.describe()),
        None => say!("nothing to change in {}", file.display()),
    }
}

/// `crosscheck annotate`.
pub fn annotate(args: AnnotateArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let mut o = open(&args.file, paths)?;
    let Some((_, claim)) = o.analysis.claim(&args.claim) else {
        return Err(bad(
            format!("no claim {} in {}", args.claim, args.file.display()),
            "`crosscheck extract FILE` lists the claims with their ids",
        ));
    };
    let claim = claim.clone();
    let key = o
        .analysis
        .attached
        .key_of(&claim.id)
        .unwrap_or(&claim.id)
        .to_string();
    let target = Target::Claim {
        id: key.clone(),
        anchor: Anchor::of(&claim),
    };
    let mut sets = Vec::new();
    if let Some(v) = args.verdict {
        sets.push((target.clone(), Value::Verdict(v)));
    }
    if let Some(g) = args.grade {
        sets.push((target.clone(), Value::Grade(Credibility::from_number(g))));
    }
    if args.accept_suggestion {
        let incident = &claim.incident;
        let suggestion = o
            .analysis
            .comparison(incident)
            .and_then(|c| suggest(c, &claim.id))
            .ok_or_else(|| {
                bad(
                    format!("crosscheck suggests no grade for {}", claim.id),
                    "a grade is suggested only when an independent origin gives an agreeing \
                     value; set one with --grade",
                )
            })?;
        say!(
            "suggested {}: {}",
            suggestion.grade.id(),
            suggestion.because
        );
        sets.push((target.clone(), Value::Grade(Some(suggestion.grade))));
    }
    if let Some(n) = args.note {
        sets.push((target.clone(), Value::Note(n)));
    }
    // Tags as additions and removals, settled under the journal's lock: a tag another writer
    // adds meanwhile stays.
    let mut edits = Vec::new();
    if !args.tags.is_empty() || !args.untags.is_empty() {
        let clean = |tags: &[String]| {
            tags.iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        };
        edits.push((
            target.clone(),
            Edit::Tags {
                add: clean(&args.tags),
                remove: clean(&args.untags),
            },
        ));
    }
    if let Some(c) = args.corrected {
        let c = c.trim().to_string();
        sets.push((
            target.clone(),
            Value::Corrected((!c.is_empty()).then_some(c)),
        ));
    }
    for (other, on) in args
        .links
        .iter()
        .map(|l| (l, true))
        .chain(args.unlinks.iter().map(|l| (l, false)))
    {
        if on && o.analysis.claim(other).is_none() {
            return Err(bad(
                format!("no claim {other} to link to"),
                "`crosscheck extract FILE` lists the claims with their ids",
            ));
        }
        sets.push((Target::link(&claim.id, other), Value::Linked(on)));
    }
    if sets.is_empty() && edits.is_empty() {
        return Err(bad(
            "nothing to set".into(),
            "give at least one of --verdict, --grade, --accept-suggestion, --note, --tag, \
             --untag, --corrected, --link, --unlink",
        ));
    }
    edits.extend(sets.into_iter().map(|(t, v)| (t, Edit::Set(v))));
    let receipt = o.journal.edit(edits)?;
    acknowledge(&receipt, &args.file);
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck grade`.
pub fn grade(args: GradeArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let corpus = store::load(&args.file)?.corpus;
    if corpus.reports.iter().all(|r| r.id != args.report) {
        return Err(bad(
            format!("no report {} in {}", args.report, args.file.display()),
            "`crosscheck list FILE` lists the reports with their ids",
        ));
    }
    let reliability = if args.reliability.eq_ignore_ascii_case("none") {
        None
    } else {
        Some(
            args.reliability
                .parse::<Reliability>()
                .map_err(|e| bad(e, "A completely reliable … F cannot be judged"))?,
        )
    };
    let mut journal = open_journal(&args.file, user(paths))?;
    let target = Target::Source(args.report.clone());
    let mut sets = vec![(target.clone(), Value::Reliability(reliability))];
    if let Some(n) = args.note {
        sets.push((target, Value::Note(n)));
    }
    let receipt = journal.set(sets)?;
    acknowledge(&receipt, &args.file);
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck assess`.
pub fn assess(args: AssessArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let mut o = open(&args.file, paths)?;
    let Some(cmp) = o.analysis.comparison(&args.incident) else {
        return Err(bad(
            format!("no incident {} in {}", args.incident, args.file.display()),
            "`crosscheck list FILE` lists the incidents with their ids",
        ));
    };
    if cmp.slots.iter().all(|s| s.slot != args.slot) {
        let names: Vec<&str> = cmp.slots.iter().map(|s| s.slot.as_str()).collect();
        return Err(bad(
            format!("incident {} has no slot {:?}", args.incident, args.slot),
            &format!("its slots: {}", names.join("; ")),
        ));
    }
    let target = Target::Slot {
        incident: args.incident.clone(),
        slot: args.slot.clone(),
    };
    let mut sets = Vec::new();
    if args.best.is_some() || args.range.is_some() || args.rationale.is_some() {
        let mut a = o
            .journal
            .annotations()
            .slot(&args.incident, &args.slot)
            .and_then(|n| n.assessment.clone())
            .unwrap_or_default();
        a.best = args.best.unwrap_or(a.best);
        a.range = args.range.unwrap_or(a.range);
        a.rationale = args.rationale.unwrap_or(a.rationale);
        sets.push((target.clone(), Value::Assessment(Some(a))));
    }
    if let Some(s) = args.status {
        let status = if s.eq_ignore_ascii_case("none") {
            None
        } else {
            Some(
                s.parse::<ConflictStatus>()
                    .map_err(|e| bad(e, "or none to clear it"))?,
            )
        };
        sets.push((target, Value::Status(status)));
    }
    if sets.is_empty() {
        return Err(bad(
            "nothing to set".into(),
            "give --best, --range, --rationale or --status",
        ));
    }
    let receipt = o.journal.set(sets)?;
    acknowledge(&receipt, &args.file);
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck add-claim`.
pub fn add_claim(args: AddClaimArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let mut o = open(&args.file, paths)?;
    let Some(r) = o.corpus.reports.iter().position(|x| x.id == args.report) else {
        return Err(bad(
            format!("no report {} in {}", args.report, args.file.display()),
            "`crosscheck list FILE` lists the reports with their ids",
        ));
    };
    let report = &o.corpus.reports[r];
    let Some((start, _)) = report
        .body
        .match_indices(args.text.as_str())
        .nth(args.occurrence.saturating_sub(1))
    else {
        return Err(bad(
            format!(
                "report {} does not have {:?} (occurrence {})",
                args.report, args.text, args.occurrence
            ),
            "give the words exactly as the report has them",
        ));
    };
    let default_incident = report.incidents.first().cloned().unwrap_or_default();
    let candidates = manual::candidates(
        report,
        &o.analysis.extracted[r],
        [start, start + args.text.len()],
        &default_incident,
    )
    .ok_or_else(|| {
        bad(
            "the words are blank".into(),
            "give some words of the report",
        )
    })?;
    let chosen = match &args.kind {
        None => candidates[0].clone(),
        Some(k) => {
            let kind = ClaimKind::ALL
                .into_iter()
                .find(|c| c.id().eq_ignore_ascii_case(k))
                .ok_or_else(|| {
                    bad(
                        format!("{k:?} is not a kind of claim"),
                        "casualty, location, time, actor, responsibility, means or statement",
                    )
                })?;
            candidates
                .iter()
                .find(|c| c.kind() == kind)
                .cloned()
                .ok_or_else(|| {
                    let read: Vec<&str> = candidates.iter().map(|c| c.kind().id()).collect();
                    bad(
                        format!("crosscheck reads no {} in these words", kind.id()),
                        &format!("it reads: {}", read.join(", ")),
                    )
                })?
        }
    };
    let chosen = match &args.said_by {
        Some(who) => manual::said_by(chosen, who, o.extractor.lexicon()),
        None => chosen,
    };
    let id = chosen.id.clone();
    let receipt = o.journal.set(vec![(
        Target::Manual(id.clone()),
        Value::Manual(Some(Box::new(chosen))),
    )])?;
    acknowledge(&receipt, &args.file);
    say!("claim id: {id}");
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck undo` and `crosscheck redo`.
pub fn undo_redo(file: &Path, redo: bool, paths: &Paths) -> Result<ExitCode, Failure> {
    store::load(file)?;
    let mut journal = open_journal(file, user(paths))?;
    let receipt = if redo {
        journal.redo()?
    } else {
        journal.undo()?
    };
    if receipt.entry.is_none() {
        tell!("nothing to {}", if redo { "redo" } else { "undo" });
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    acknowledge(&receipt, file);
    Ok(ExitCode::SUCCESS)
}

/// One claim annotation in the listing.
#[derive(Serialize)]
struct ClaimListing<'a> {
    key: &'a str,
    /// The claim's id now (differs from `key` when it moved).
    claim: Option<&'a str>,
    attachment: Attachment,
    #[serde(flatten)]
    note: &'a crate::annotate::ClaimNote,
    linked: Vec<&'a str>,
}

/// `crosscheck annotations`.
pub fn list(
    file: &Path,
    format: super::Format,
    log: bool,
    paths: &Paths,
) -> Result<ExitCode, Failure> {
    let o = open(file, paths)?;
    let ann = o.journal.annotations();
    let current_of: rustc_hash::FxHashMap<&str, &str> = o
        .analysis
        .attached
        .by_claim
        .iter()
        .map(|(id, key)| (key.as_str(), id.as_str()))
        .collect();
    let claims: Vec<ClaimListing> = ann
        .claims
        .iter()
        .map(|(key, note)| {
            let claim = current_of.get(key.as_str()).copied();
            ClaimListing {
                key,
                claim,
                attachment: o.analysis.attached.attachment(key),
                note,
                linked: ann.linked_to(claim.unwrap_or(key)).collect(),
            }
        })
        .collect();
    let manual_orphans = &o.analysis.attached.manual_orphans;
    match format {
        super::Format::Json => {
            let mut out = serde_json::json!({
                "file": file,
                "user": o.journal.user(),
                "claims": claims,
                "sources": ann.sources,
                "slots": ann.slots,
                "links": ann.links,
                "memberships": ann.memberships,
                "incidents": ann.incidents,
                "manual_claims": ann.manual.values().map(|c| serde_json::json!({
                    "claim": c,
                    "attachment": if manual_orphans.contains(&c.id) { Attachment::Orphan } else { Attachment::Attached },
                })).collect::<Vec<_>>(),
                "orphans": o.analysis.attached.orphans.iter().chain(manual_orphans).collect::<Vec<_>>(),
            });
            if log {
                out["log"] = serde_json::to_value(o.journal.log()).expect("the log encodes");
            }
            say!("{}", out::json(&out));
        }
        super::Format::Text => {
            for c in &claims {
                let flag = match c.attachment {
                    Attachment::Attached => "",
                    Attachment::Moved => " (moved)",
                    Attachment::Orphan => " (ORPHAN: its claim is gone)",
                };
                say!(
                    "{} {}{}: {} grade {} {:?}{}{}",
                    c.note.anchor.report,
                    c.claim.unwrap_or(c.key),
                    flag,
                    c.note.verdict,
                    c.note.grade.map_or("-", |g| g.id()),
                    crate::text::sanitize(&c.note.anchor.text),
                    if c.note.tags.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " tags: {}",
                            c.note.tags.iter().cloned().collect::<Vec<_>>().join(", ")
                        )
                    },
                    if c.note.note.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " note: {}",
                            crate::text::sanitize(&c.note.note).replace('\n', " / ")
                        )
                    },
                );
            }
            for (report, s) in &ann.sources {
                say!(
                    "{report}: source {} {}",
                    s.reliability.map_or("-", |r| r.id()),
                    crate::text::sanitize(&s.note)
                );
            }
            for (incident, slots) in &ann.slots {
                for (slot, n) in slots {
                    let a = n.assessment.clone().unwrap_or_default();
                    say!(
                        "{incident} / {slot}: status {} best {:?} range {:?} {}",
                        n.status.map_or("-", |s| s.id()),
                        a.best,
                        a.range,
                        crate::text::sanitize(&a.rationale)
                    );
                }
            }
            for (report, ids) in &ann.memberships {
                say!("{report}: under {}", crate::text::sanitize(&ids.join(", ")));
            }
            for (id, edit) in &ann.incidents {
                say!("incident {id}: {}", crate::text::sanitize(&edit.describe()));
            }
            for c in ann.manual.values() {
                say!(
                    "{} {} (manual {}): {:?}",
                    c.report,
                    c.id,
                    c.kind().id(),
                    crate::text::sanitize(&c.text)
                );
            }
            if log {
                for e in o.journal.log() {
                    say!(
                        "#{} {} {}: {}",
                        e.seq,
                        e.at,
                        e.by,
                        crate::text::sanitize(&e.describe())
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

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
