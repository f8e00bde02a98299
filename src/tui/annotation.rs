//! Annotating from the keyboard: the actions that set verdicts, grades, notes, tags, links,
//! source reliability, conflict statuses and assessments become [`Effect`]s; the run loop
//! hands them to [`perform`], which writes the journal (durably, before the next key is read)
//! and brings what the screen derives from annotations up to date.

use std::sync::Arc;

use crate::annotate::{
    self, Assessment, ConflictStatus, Credibility, Edit, Receipt, Reliability, Target, Value,
    Verdict,
};
use crate::model::Claim;

use super::action::Action;
use super::input::{Editor, Field, Input, Purpose};
use super::state::{App, Overlay, Pane, Row};

/// A write waiting for the run loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Set fields, as one action.
    Set(Vec<(Target, Value)>),
    /// Make edits settled against the annotations on disk (tags added and removed), as one
    /// action.
    Edit(Vec<(Target, Edit)>),
    /// Undo the last action.
    Undo,
    /// Redo the last undone action.
    Redo,
    /// Write the brief of the incident shown (all incidents when none is).
    Export,
    /// Pick up what other instances or scripts wrote.
    Refresh,
}

pub(super) const NO_JOURNAL: &str =
    "annotations are kept only for a data file; this is the built-in copy";

/// Carry out an annotation action. Returns false when `action` is not one.
pub fn update(app: &mut App, action: Action) -> bool {
    use Action::*;
    let verdict = match action {
        VerdictConfirmed | ConfirmedNext => Some(Verdict::Confirmed),
        VerdictDisputed | DisputedNext => Some(Verdict::Disputed),
        VerdictFalse | FalseNext => Some(Verdict::False),
        VerdictError | ErrorNext => Some(Verdict::ExtractionError),
        VerdictUncertain | UncertainNext => Some(Verdict::Uncertain),
        VerdictClear => Some(Verdict::Unreviewed),
        _ => None,
    };
    let grade = match action {
        Grade1 => Some(Credibility::from_number(1)),
        Grade2 => Some(Credibility::from_number(2)),
        Grade3 => Some(Credibility::from_number(3)),
        Grade4 => Some(Credibility::from_number(4)),
        Grade5 => Some(Credibility::from_number(5)),
        Grade6 => Some(Credibility::from_number(6)),
        GradeClear => Some(None),
        _ => None,
    };
    let reliability = match action {
        SourceA => Some(Some(Reliability::A)),
        SourceB => Some(Some(Reliability::B)),
        SourceC => Some(Some(Reliability::C)),
        SourceD => Some(Some(Reliability::D)),
        SourceE => Some(Some(Reliability::E)),
        SourceF => Some(Some(Reliability::F)),
        SourceClear => Some(None),
        _ => None,
    };
    let status = match action {
        StatusOpen => Some(ConflictStatus::Open),
        StatusConfirmed => Some(ConflictStatus::Confirmed),
        StatusDismissed => Some(ConflictStatus::Dismissed),
        StatusInvestigating => Some(ConflictStatus::Investigating),
        _ => None,
    };
    let writes = verdict.is_some()
        || grade.is_some()
        || reliability.is_some()
        || status.is_some()
        || matches!(
            action,
            AcceptSuggestion
                | EditNote
                | EditTags
                | EditCorrected
                | LinkMarked
                | EditSourceNote
                | EditAssessment
                | Undo
                | Redo
                | Export
                | Visual
        );
    if !writes
        && !matches!(
            action,
            MarkLink | NextUnreviewed | PrevUnreviewed | FilterClaims | AuditLog | Orphans
        )
    {
        return false;
    }
    if writes && app.journal.is_none() {
        app.status = Some(NO_JOURNAL.into());
        return true;
    }
    let claim = app.claims.selected_claim().cloned();
    let need_claim = |app: &mut App| {
        app.status = Some("select a claim first (Tab to the claims pane)".into());
        true
    };
    match action {
        _ if verdict.is_some() => {
            let Some(c) = claim else {
                return need_claim(app);
            };
            let target = app.claim_target(&c);
            app.effects.push(Effect::Set(vec![(
                target,
                Value::Verdict(verdict.expect("checked")),
            )]));
            if matches!(
                action,
                ConfirmedNext | DisputedNext | FalseNext | ErrorNext | UncertainNext
            ) {
                next_unreviewed(app, true, Some(&c.id));
            }
        }
        _ if grade.is_some() => {
            let Some(c) = claim else {
                return need_claim(app);
            };
            let target = app.claim_target(&c);
            app.effects.push(Effect::Set(vec![(
                target,
                Value::Grade(grade.expect("checked")),
            )]));
        }
        AcceptSuggestion => {
            let Some(c) = claim else {
                return need_claim(app);
            };
            match suggestion(app, &c) {
                Some(s) => {
                    let target = app.claim_target(&c);
                    app.effects
                        .push(Effect::Set(vec![(target, Value::Grade(Some(s.grade)))]));
                }
                None => {
                    app.status =
                        Some("no suggestion: no independent origin gives an agreeing value".into())
                }
            }
        }
        EditNote | EditTags | EditCorrected => {
            let Some(c) = claim else {
                return need_claim(app);
            };
            let target = app.claim_target(&c);
            let note = app.note_of(&c).cloned();
            let (purpose, title, field) = match action {
                EditNote => (
                    Purpose::ClaimNote(target),
                    "Note on the claim — Esc or Ctrl-S saves; Enter: new line",
                    Field::new("note", &note.map(|n| n.note).unwrap_or_default(), true),
                ),
                EditTags => {
                    let tags = note.map(|n| n.tags).unwrap_or_default();
                    let shown = tags.iter().cloned().collect::<Vec<_>>().join(", ");
                    (
                        Purpose::Tags(target, tags),
                        "Tags, separated by commas — Enter saves, Esc cancels",
                        Field::new("tags", &shown, false),
                    )
                }
                _ => (
                    Purpose::Corrected(target),
                    "The value the text really gives — Enter saves, Esc cancels",
                    Field::new(
                        "corrected",
                        &note.and_then(|n| n.corrected).unwrap_or_default(),
                        false,
                    ),
                ),
            };
            open_editor(app, purpose, title, vec![field]);
        }
        MarkLink => {
            let Some(c) = claim else {
                return need_claim(app);
            };
            app.status = Some(format!(
                "marked {:?}; select another claim and press the link key",
                crate::text::fit(&c.text, 40)
            ));
            app.notes.link_mark = Some(c.id);
        }
        LinkMarked => {
            let Some(c) = claim else {
                return need_claim(app);
            };
            match app.notes.link_mark.clone() {
                Some(mark) if mark != c.id => {
                    let target = Target::link(&mark, &c.id);
                    let on = !app.journal.as_ref().is_some_and(|j| {
                        j.annotations().current(&target, &Value::Linked(false))
                            == Value::Linked(true)
                    });
                    app.effects
                        .push(Effect::Set(vec![(target, Value::Linked(on))]));
                }
                _ => app.status = Some("mark a claim first (m), then link another to it".into()),
            }
        }
        NextUnreviewed | PrevUnreviewed => {
            next_unreviewed(app, action == NextUnreviewed, None);
        }
        FilterClaims => {
            let text = app
                .claims
                .filter
                .as_ref()
                .map(|f| f.text.clone())
                .unwrap_or_default();
            open_editor(
                app,
                Purpose::Filter,
                "Filter claims: verdict:disputed tag:toll kind:casualty words — Enter",
                vec![Field::new("filter", &text, false)],
            );
        }
        _ if reliability.is_some() => {
            let Some(r) = current_report(app) else {
                app.status = Some("select an article first".into());
                return true;
            };
            let target = Target::Source(app.doc.corpus.reports[r].id.clone());
            app.effects.push(Effect::Set(vec![(
                target,
                Value::Reliability(reliability.expect("checked")),
            )]));
        }
        EditSourceNote => {
            let Some(r) = current_report(app) else {
                app.status = Some("select an article first".into());
                return true;
            };
            let id = app.doc.corpus.reports[r].id.clone();
            let note = app
                .journal
                .as_ref()
                .and_then(|j| j.annotations().sources.get(&id))
                .map(|s| s.note.clone())
                .unwrap_or_default();
            open_editor(
                app,
                Purpose::SourceNote(id),
                "Note on the source — Esc or Ctrl-S saves; Enter: new line",
                vec![Field::new("note", &note, true)],
            );
        }
        _ if status.is_some() => {
            let Some((incident, slot)) = selected_slot(app) else {
                app.status = Some("select a slot of the comparison first".into());
                return true;
            };
            app.effects.push(Effect::Set(vec![(
                Target::Slot { incident, slot },
                Value::Status(status),
            )]));
        }
        EditAssessment => {
            let Some((incident, slot)) = selected_slot(app) else {
                app.status = Some("select a slot of the comparison first".into());
                return true;
            };
            let a = app
                .journal
                .as_ref()
                .and_then(|j| j.annotations().slot(&incident, &slot))
                .and_then(|n| n.assessment.clone())
                .unwrap_or_default();
            let title = format!("Assess {slot:?} — Tab: next field; Ctrl-S or Esc saves");
            open_editor(
                app,
                Purpose::Assessment { incident, slot },
                &title,
                vec![
                    Field::new("best estimate", &a.best, false),
                    Field::new("range", &a.range, false),
                    Field::new("rationale", &a.rationale, true),
                ],
            );
        }
        Undo => app.effects.push(Effect::Undo),
        Redo => app.effects.push(Effect::Redo),
        Export => app.effects.push(Effect::Export),
        AuditLog => {
            let lines = match &app.journal {
                Some(j) if !j.log().is_empty() => j
                    .log()
                    .iter()
                    .rev()
                    .map(|e| {
                        let at = e.at.round(jiff::Unit::Second).unwrap_or(e.at);
                        format!("#{} {} {}: {}", e.seq, at, e.by, e.describe())
                    })
                    .collect(),
                Some(_) => vec!["Nothing annotated yet.".to_string()],
                None => vec![NO_JOURNAL.to_string()],
            };
            app.overlays.push(Overlay::Notice {
                title: "Audit log (newest first)".into(),
                lines,
                scroll: 0,
            });
        }
        Orphans => {
            let mut lines = Vec::new();
            if let Some(j) = &app.journal {
                let a = j.annotations();
                for key in &app.notes.attached.orphans {
                    if let Some(n) = a.claims.get(key) {
                        lines.push(format!(
                            "{} in {}: {:?} — {}{}",
                            key,
                            n.anchor.report,
                            n.anchor.text,
                            n.verdict,
                            if n.note.is_empty() {
                                String::new()
                            } else {
                                format!("; note: {}", n.note.replace('\n', " / "))
                            }
                        ));
                    }
                }
                for id in &app.notes.attached.manual_orphans {
                    if let Some(c) = a.manual.get(id) {
                        lines.push(format!("manual claim {id} in {}: {:?}", c.report, c.text));
                    }
                }
            }
            if lines.is_empty() {
                lines.push("No orphans: every annotation is on its claim.".into());
            } else {
                lines.insert(
                    0,
                    "These annotations' claims are no longer found (the report or the extraction \
                     changed). They are kept, listed by `crosscheck annotations`, and exported."
                        .into(),
                );
                lines.insert(1, String::new());
            }
            app.overlays.push(Overlay::Notice {
                title: "Orphaned annotations".into(),
                lines,
                scroll: 0,
            });
        }
        Visual => super::visual::start(app),
        _ => return false,
    }
    true
}

fn open_editor(app: &mut App, purpose: Purpose, title: &str, fields: Vec<Field>) {
    app.input = Some(Input::Editor(Editor {
        purpose,
        title: title.to_string(),
        fields,
        focus: 0,
    }));
}

/// The report the source actions apply to: the reader's, else the list's selection.
fn current_report(app: &App) -> Option<usize> {
    match app.focus {
        Pane::Reader => app.reader,
        Pane::Claims => app.claims.report,
        _ => app.selected_report().or(app.reader),
    }
}

/// The incident id and slot name of the comparison's selected slot.
fn selected_slot(app: &App) -> Option<(String, String)> {
    let c = app.selected_comparison()?;
    let slot = c.slots.get(app.comparison.selected)?;
    Some((c.incident.clone(), slot.slot.clone()))
}

/// The grade crosscheck suggests for `claim`.
pub fn suggestion(app: &App, claim: &Claim) -> Option<annotate::Suggestion> {
    let i = app
        .doc
        .corpus
        .incidents
        .iter()
        .position(|x| x.id == claim.incident)?;
    annotate::suggest(app.comparison.by_incident.as_ref()?.get(i)?, &claim.id)
}

/// Save what an editor holds.
pub fn save_editor(app: &mut App, editor: Editor) {
    if !matches!(editor.purpose, Purpose::Filter | Purpose::SaidBy(_)) {
        app.unsaved = Some(editor.clone());
    }
    let text = |n: usize| editor.fields.get(n).map(Field::text).unwrap_or_default();
    let set = match editor.purpose {
        Purpose::ClaimNote(target) => (target, Value::Note(text(0).trim_end().to_string())),
        Purpose::Tags(target, before) => {
            let after = text(0)
                .split([',', ';'])
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            app.effects.push(Effect::Edit(vec![(
                target,
                Edit::tags_between(&before, &after),
            )]));
            return;
        }
        Purpose::Corrected(target) => {
            let c = text(0).trim().to_string();
            (target, Value::Corrected((!c.is_empty()).then_some(c)))
        }
        Purpose::SourceNote(report) => (
            Target::Source(report),
            Value::Note(text(0).trim_end().to_string()),
        ),
        Purpose::Assessment { incident, slot } => (
            Target::Slot { incident, slot },
            Value::Assessment(Some(Assessment {
                best: text(0).trim().to_string(),
                range: text(1).trim().to_string(),
                rationale: text(2).trim_end().to_string(),
            })),
        ),
        Purpose::Filter => {
            match super::filter::ClaimFilter::parse(&text(0)) {
                Ok(f) => {
                    app.status = Some(match &f {
                        Some(f) => format!("filter: {}", f.text),
                        None => "filter cleared".into(),
                    });
                    app.claims.filter = f;
                    app.claims.selected = 0;
                    app.claims.offset = 0;
                }
                Err(e) => app.status = Some(e),
            }
            return;
        }
        Purpose::SaidBy(_) => return super::visual::said_by(app, editor),
        Purpose::Incident(ref id) => return super::incidents::save_edit(app, id, &editor),
        Purpose::Split(ref report) => return super::incidents::save_split(app, report, &editor),
    };
    app.effects.push(Effect::Set(vec![set]));
}

/// Select the next (or previous) unreviewed claim: in this report's list, then in the next
/// reports of the article list. `skip` is a claim just reviewed whose write is pending.
fn next_unreviewed(app: &mut App, forward: bool, skip: Option<&str>) {
    let unreviewed = |app: &App, c: &Claim| {
        Some(c.id.as_str()) != skip && !app.note_of(c).is_some_and(|n| n.reviewed())
    };
    let shown = app.claims.shown.clone();
    let claims = app.claims.claims();
    let here = app.claims.selected;
    let found = if forward {
        (here + 1..shown.len()).find(|&i| unreviewed(app, &claims[shown[i]]))
    } else {
        (0..here)
            .rev()
            .find(|&i| unreviewed(app, &claims[shown[i]]))
    };
    if let Some(i) = found {
        app.claims.selected = i;
        super::update::after_claim_moved(app);
        return;
    }
    // On to the next report with claims left to review.
    let rows = app.list.rows.len();
    let start = app.list.selected;
    let order: Vec<usize> = if forward {
        (start + 1..rows).collect()
    } else {
        (0..start).rev().collect()
    };
    for row in order {
        if let Row::Article { report, .. } = app.list.rows[row]
            && app
                .notes
                .reviewed
                .get(report)
                .is_some_and(|(done, all)| done < all)
            && Some(report) != app.claims.report
        {
            app.list.selected = row;
            super::update::after_list_moved(app);
            super::update::fit(app);
            let shown = app.claims.shown.clone();
            let claims = app.claims.claims();
            let pick = if forward {
                (0..shown.len()).find(|&i| unreviewed(app, &claims[shown[i]]))
            } else {
                (0..shown.len())
                    .rev()
                    .find(|&i| unreviewed(app, &claims[shown[i]]))
            };
            app.claims.selected = pick.unwrap_or(0);
            app.focus = Pane::Claims;
            super::update::after_claim_moved(app);
            return;
        }
    }
    app.status = Some("no unreviewed claim further on".into());
}

/// Carry out the pending writes. Called by the run loop after each event; every write is on
/// disk (fsynced) when this returns.
pub fn perform(app: &mut App) {
    let effects = std::mem::take(&mut app.effects);
    // The editor the writes below save, if any; asked for only when a write fails.
    let mut from_editor = app.unsaved.take();
    let mut reloaded = false;
    for effect in effects {
        // The data file is looked at before every write and every pick-up: a judgement made
        // on the text as it was must not land on the text as it is now.
        if !matches!(effect, Effect::Export) {
            match super::data_file::reload_if_changed(app) {
                super::data_file::Change::Same => {}
                super::data_file::Change::Unreadable(message) => app.status = Some(message),
                super::data_file::Change::Reloaded(message) => {
                    reloaded = true;
                    app.overlays.push(Overlay::Notice {
                        title: "Data file changed".into(),
                        lines: vec![message],
                        scroll: 0,
                    });
                }
            }
        }
        if reloaded && !matches!(effect, Effect::Refresh | Effect::Export) {
            app.status =
                Some("not saved: the data file changed; look again, then repeat the action".into());
            continue;
        }
        let Some(journal) = app.journal.as_mut() else {
            return;
        };
        // What to say when the write changes nothing.
        let idle = match effect {
            Effect::Undo => "nothing to undo",
            Effect::Redo => "nothing to redo",
            _ => "no change",
        };
        let result = match effect {
            Effect::Set(sets) => journal.set(sets),
            Effect::Edit(edits) => journal.edit(edits),
            Effect::Undo => journal.undo(),
            Effect::Redo => journal.redo(),
            Effect::Refresh => match journal.refresh() {
                Ok(0) => continue,
                Ok(n) => Ok(Receipt {
                    entry: None,
                    others: n,
                    warning: None,
                }),
                Err(e) => Err(e),
            },
            Effect::Export => {
                export(app);
                continue;
            }
        };
        match result {
            Ok(receipt) => after_write(app, &receipt, idle),
            Err(e) => {
                tracing::error!("annotation not saved: {e}");
                // What was typed comes back, to save again once the disk has room.
                if let Some(editor) = from_editor.take() {
                    app.input = Some(Input::Editor(editor));
                }
                app.overlays.push(Overlay::Notice {
                    title: "NOT SAVED".into(),
                    lines: e.to_string().lines().map(str::to_string).collect(),
                    scroll: 0,
                });
            }
        }
    }
}

/// Bring the derived state up to date after a write, and say what was saved (or `idle` when
/// nothing was).
fn after_write(app: &mut App, receipt: &Receipt, idle: &str) {
    // A move or a merge (or its undo, or another session's) changes the incidents themselves:
    // the document is rebuilt and analysed again.
    let regroups = receipt.others > 0
        || receipt.entry.as_ref().is_some_and(|e| {
            e.changes
                .iter()
                .any(|c| matches!(c.target, Target::Membership(_) | Target::Incident(_)))
        });
    if regroups && super::incidents::regroup_document(app) {
        app.status = Some(match &receipt.entry {
            Some(e) => format!("saved #{}: {} — comparing again…", e.seq, e.describe()),
            None => format!("{} change(s) from another session", receipt.others),
        });
        return;
    }
    let Some(entry) = &receipt.entry else {
        if receipt.others > 0 {
            recompute(app, true);
            app.status = Some(format!("{} change(s) from another session", receipt.others));
        } else {
            app.status = Some(idle.into());
        }
        return;
    };
    // Manual claims and extraction errors change which claims are listed and compared.
    let structural = entry.changes.iter().any(|c| {
        matches!(c.target, Target::Manual(_))
            || [&c.before, &c.after]
                .iter()
                .any(|v| matches!(v, Value::Verdict(Verdict::ExtractionError)))
    });
    if receipt.others > 0 {
        recompute(app, true);
    } else if structural {
        let reports = touched_reports(app, entry);
        recompute_reports(app, &reports);
    } else {
        for change in &entry.changes {
            if let Target::Claim { id, .. } = &change.target
                && !app.notes.attached.by_claim.values().any(|k| k == id)
            {
                app.notes.attached.by_claim.insert(id.clone(), id.clone());
            }
        }
        let reports: Vec<usize> = touched_reports(app, entry);
        for r in reports {
            recount(app, r);
        }
    }
    let mut message = format!("saved #{}: {}", entry.seq, entry.describe());
    if receipt.others > 0 {
        message.push_str(&format!(
            " ({} change(s) from another session picked up)",
            receipt.others
        ));
    }
    if let Some(warning) = &receipt.warning {
        message = format!("{message} — {warning}");
    }
    app.status = Some(message);
    send_notes(app);
}

fn touched_reports(app: &App, entry: &annotate::Entry) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for change in &entry.changes {
        let report = match (&change.target, &change.before, &change.after) {
            (Target::Claim { anchor, .. }, ..) => Some(anchor.report.as_str()),
            (Target::Manual(_), Value::Manual(Some(c)), _)
            | (Target::Manual(_), _, Value::Manual(Some(c))) => Some(c.report.as_str()),
            _ => None,
        };
        if let Some(id) = report
            && let Some(r) = app.doc.corpus.reports.iter().position(|x| x.id == id)
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

/// After a change that alters which claims a report lists or compares (a manual claim, an
/// extraction error): re-attach, rebuild those reports' claims, and compare again only the
/// incidents they are about: work in proportion to those incidents, not to the corpus.
fn recompute_reports(app: &mut App, reports: &[usize]) {
    let (Some(extracted), Some(journal), Some(by_report)) = (
        app.notes.extracted.clone(),
        app.journal.as_ref(),
        app.claims.by_report.as_mut(),
    ) else {
        return;
    };
    let annotations = journal.annotations();
    let corpus = Arc::clone(&app.doc.corpus);
    app.notes.attached = annotate::attach(annotations, &corpus, &extracted);
    let listed = Arc::make_mut(by_report);
    let mut incidents: Vec<String> = Vec::new();
    for &r in reports {
        let mut claims = extracted[r].clone();
        for (mr, c) in &app.notes.attached.manual {
            if *mr == r {
                let at = claims.partition_point(|x| x.span[0] <= c.span[0]);
                claims.insert(at, c.clone());
            }
        }
        for id in listed[r]
            .iter()
            .chain(&claims)
            .map(|c| &c.incident)
            .chain(&corpus.reports[r].incidents)
        {
            if !incidents.contains(id) {
                incidents.push(id.clone());
            }
        }
        listed[r] = claims;
    }
    if let Some(all) = app.comparison.by_incident.as_mut() {
        let members = crate::compare::members(&corpus, listed);
        let lex = crate::extract::Extractor::default();
        let comparisons = Arc::make_mut(all);
        for id in &incidents {
            let (Some(i), Some(members)) = (
                corpus.incidents.iter().position(|x| &x.id == id),
                members.get(id),
            ) else {
                continue;
            };
            let mut sparse: Vec<Vec<Claim>> = vec![Vec::new(); corpus.reports.len()];
            for &m in members {
                sparse[m] = listed[m]
                    .iter()
                    .filter(|c| !annotate::is_extraction_error(c, annotations, &app.notes.attached))
                    .cloned()
                    .collect();
            }
            comparisons[i] =
                crate::compare::compare_members(&corpus, &sparse, id, members, lex.lexicon());
        }
    }
    for &r in reports {
        recount(app, r);
    }
    super::update::fit(app);
}

/// Recount report `r`'s reviewed claims and the groups it is in.
fn recount(app: &mut App, r: usize) {
    let count = reviewed_of(app, r);
    if let Some(slot) = app.notes.reviewed.get_mut(r) {
        *slot = count;
    }
    for g in 0..app.doc.index.groups.len() {
        if app.doc.index.groups[g].reports.contains(&r) {
            let sum = group_sum(app, g);
            if let Some(slot) = app.notes.group_reviewed.get_mut(g) {
                *slot = sum;
            }
        }
    }
}

/// Report `r`'s (reviewed, all) claims as listed.
fn reviewed_of(app: &App, r: usize) -> (usize, usize) {
    let claims = app
        .claims
        .by_report
        .as_ref()
        .and_then(|all| all.get(r))
        .map(Vec::as_slice)
        .unwrap_or_default();
    let done = claims
        .iter()
        .filter(|c| app.note_of(c).is_some_and(|n| n.reviewed()))
        .count();
    (done, claims.len())
}

/// Group `g`'s (reviewed, all) claims: the sum over its reports' counts.
fn group_sum(app: &App, g: usize) -> (usize, usize) {
    app.doc.index.groups[g]
        .reports
        .iter()
        .fold((0, 0), |acc, &x| {
            let (d, a) = app.notes.reviewed.get(x).copied().unwrap_or_default();
            (acc.0 + d, acc.1 + a)
        })
}

/// Everything derived from annotations, again: where they landed, the listed claims (with
/// manual ones), the comparisons when `compare` (claims entered or left them), the counts.
pub fn recompute(app: &mut App, compare: bool) {
    let (Some(extracted), Some(journal)) = (app.notes.extracted.clone(), app.journal.as_ref())
    else {
        return;
    };
    let annotations = journal.annotations();
    let corpus = Arc::clone(&app.doc.corpus);
    app.notes.attached = annotate::attach(annotations, &corpus, &extracted);
    // Without manual claims the listed claims are the extracted ones: share, don't copy.
    let listed = if app.notes.attached.manual.is_empty() {
        Arc::clone(&extracted)
    } else {
        Arc::new(annotate::with_manual(&extracted, &app.notes.attached))
    };
    // Before the worker's comparisons arrive there is nothing to redo: they take annotations
    // into account when they do (`comparisons_ready`).
    if compare && app.comparison.by_incident.is_some() {
        let lex = crate::extract::Extractor::default();
        let comparisons = crate::compare::compare_all(
            &corpus,
            &annotate::for_comparison(&listed, annotations, &app.notes.attached),
            lex.lexicon(),
        );
        app.comparison.by_incident = Some(Arc::new(comparisons));
    }
    app.claims.by_report = Some(listed);
    app.notes.reviewed = (0..corpus.reports.len())
        .map(|r| reviewed_of(app, r))
        .collect();
    app.notes.group_reviewed = (0..app.doc.index.groups.len())
        .map(|g| group_sum(app, g))
        .collect();
    super::update::fit(app);
}

/// Tell the search worker the notes and tags changed.
fn send_notes(app: &App) {
    if let (Some(tx), Some(j)) = (&app.search, &app.journal) {
        let _ = tx.send(super::search_worker::Request::Notes {
            annotations: Box::new(j.annotations().clone()),
            attached: Box::new(app.notes.attached.clone()),
        });
    }
}

/// Write the brief of the incident shown beside the data file.
fn export(app: &mut App) {
    let (Some(journal), Some(comparisons), Some(claims)) = (
        app.journal.as_ref(),
        app.comparison.by_incident.clone(),
        app.claims.by_report.clone(),
    ) else {
        app.status = Some("the comparison is still being computed; export in a moment".into());
        return;
    };
    let incident = app
        .selected_group()
        .and_then(|g| app.doc.index.groups[g].incident)
        .map(|i| app.doc.corpus.incidents[i].id.clone());
    let brief = annotate::brief::build(
        annotate::brief::Inputs {
            corpus: &app.doc.corpus,
            file: &app.doc.name,
            claims: &claims,
            comparisons: &comparisons,
            annotations: journal.annotations(),
            attached: &app.notes.attached,
        },
        incident.as_deref(),
    );
    let text = annotate::brief::markdown(&brief);
    let snapshot = &journal.paths().snapshot;
    let name = snapshot
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.replace(".annotations.ron", ".brief.md"))
        .unwrap_or_else(|| "brief.md".into());
    let path = snapshot.with_file_name(name);
    app.status = Some(match crate::store::replace_file(&path, text.as_bytes()) {
        Ok(()) => format!("brief written to {}", path.display()),
        Err(e) => format!("brief NOT written to {}: {e}", path.display()),
    });
}
