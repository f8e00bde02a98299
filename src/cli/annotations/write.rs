//! The annotation subcommands that write: verdicts and notes, grades, assessments, claims
//! made by hand, undo and redo.

use std::path::Path;
use std::process::ExitCode;

use super::super::{EXIT_BAD_INPUT, Failure};
use super::{
    AddClaimArgs, AnnotateArgs, AssessArgs, GradeArgs, acknowledge, bad, open, open_journal, user,
};
use crate::annotate::manual;
use crate::annotate::{ConflictStatus, Credibility, Edit, Reliability, Target, Value, suggest};
use crate::config::Paths;
use crate::model::ClaimKind;
use crate::store;

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
    let target = o.analysis.attached.target_of(&claim);
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
