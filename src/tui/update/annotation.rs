//! Annotating from the keyboard: verdicts, grades, notes, tags, corrected values, links,
//! source reliability, conflict statuses and assessments become journal writes ([`Effect`]s);
//! the forms they need open as layers. The runtime performs the writes.

use crate::annotate::{ConflictStatus, Credibility, Reliability, Target, Value, Verdict};
use crate::model::Claim;
use crate::tui::action::Action;
use crate::tui::app::forms::{Editor, Field, Purpose};
use crate::tui::app::{App, Effect, Layer, Pane, Write};
use crate::tui::config::keymap::Context;

/// Said when an action needs annotations the built-in copy does not keep.
pub const NO_JOURNAL: &str = "annotations are kept only for a data file; this is the built-in copy";

/// The verdict an action sets, if it sets one.
fn verdict_of(action: Action) -> Option<Verdict> {
    use Action::*;
    Some(match action {
        VerdictConfirmed | ConfirmedNext => Verdict::Confirmed,
        VerdictDisputed | DisputedNext => Verdict::Disputed,
        VerdictFalse | FalseNext => Verdict::False,
        VerdictError | ErrorNext => Verdict::ExtractionError,
        VerdictUncertain | UncertainNext => Verdict::Uncertain,
        VerdictClear => Verdict::Unreviewed,
        _ => return None,
    })
}

/// The value an action sets on the selected claim, if it sets one directly.
fn claim_value(action: Action) -> Option<Value> {
    use Action::*;
    let grade = |n| Value::Grade(Credibility::from_number(n));
    Some(match action {
        Grade1 => grade(1),
        Grade2 => grade(2),
        Grade3 => grade(3),
        Grade4 => grade(4),
        Grade5 => grade(5),
        Grade6 => grade(6),
        GradeClear => Value::Grade(None),
        _ => Value::Verdict(verdict_of(action)?),
    })
}

/// The reliability a source action sets, if it is one.
pub fn reliability_of(action: Action) -> Option<Option<Reliability>> {
    use Action::*;
    Some(match action {
        SourceA => Some(Reliability::A),
        SourceB => Some(Reliability::B),
        SourceC => Some(Reliability::C),
        SourceD => Some(Reliability::D),
        SourceE => Some(Reliability::E),
        SourceF => Some(Reliability::F),
        SourceClear => None,
        _ => return None,
    })
}

/// The conflict status an action sets, if it is one.
fn status_of(action: Action) -> Option<ConflictStatus> {
    use Action::*;
    Some(match action {
        StatusOpen => ConflictStatus::Open,
        StatusConfirmed => ConflictStatus::Confirmed,
        StatusDismissed => ConflictStatus::Dismissed,
        StatusInvestigating => ConflictStatus::Investigating,
        _ => return None,
    })
}

/// True for the actions that write annotations (and so need a data file's journal).
fn writes(action: Action) -> bool {
    use Action::*;
    claim_value(action).is_some()
        || reliability_of(action).is_some()
        || status_of(action).is_some()
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
        )
}

/// Carry out an annotation action. False when `action` is not one.
pub fn update(app: &mut App, action: Action, fx: &mut Vec<Effect>) -> bool {
    use Action::*;
    let others = matches!(action, MarkLink | FilterClaims | AuditLog | Orphans);
    if !writes(action) && !others {
        return false;
    }
    if writes(action) && !app.annotating() {
        app.view.status = Some(NO_JOURNAL.into());
        return true;
    }
    match action {
        _ if claim_value(action).is_some() => on_claim(app, |app, c| {
            let target = app.model.claim_target(c);
            fx.push(Effect::set(vec![(target, claim_value(action)?)]));
            if verdict_of(action).is_some() && action != verdict_action(action) {
                super::review::next_unreviewed(app, true, Some(&c.id));
            }
            Some(())
        }),
        AcceptSuggestion => on_claim(app, |app, c| {
            match app.suggestion(c) {
                Some(s) => {
                    let target = app.model.claim_target(c);
                    fx.push(Effect::set(vec![(target, Value::Grade(Some(s.grade)))]));
                }
                None => {
                    app.view.status =
                        Some("no suggestion: no independent origin gives an agreeing value".into());
                }
            }
            Some(())
        }),
        EditNote | EditTags | EditCorrected => on_claim(app, |app, c| {
            open_claim_editor(app, c, action);
            Some(())
        }),
        MarkLink => on_claim(app, |app, c| {
            app.view.status = Some(format!(
                "marked {:?}; select another claim and link it{}",
                crate::text::fit(&c.text, 40),
                app.key_hint(Context::Claims, LinkMarked, "")
            ));
            app.view.link_mark = Some(c.id.clone());
            Some(())
        }),
        LinkMarked => on_claim(app, |app, c| {
            link(app, c, fx);
            Some(())
        }),
        FilterClaims => {
            let text = app.view.claims.filter.as_ref().map(|f| f.text.clone());
            open_editor(
                app,
                Purpose::Filter,
                "Filter claims: verdict:disputed tag:toll kind:casualty words",
                vec![Field::new("filter", &text.unwrap_or_default(), false)],
            );
        }
        _ if reliability_of(action).is_some() || action == EditSourceNote => {
            source(app, action, fx);
        }
        _ if status_of(action).is_some() || action == EditAssessment => slot(app, action, fx),
        Undo => fx.push(Effect::Write {
            write: Write::Undo,
            editor: None,
        }),
        Redo => fx.push(Effect::Write {
            write: Write::Redo,
            editor: None,
        }),
        Export => {
            let incident = app
                .selected_incident()
                .map(|i| app.model.doc.corpus.incidents[i].id.clone());
            fx.push(Effect::Export(incident));
        }
        AuditLog => fx.push(Effect::AuditLog),
        Orphans => {
            let lines = orphans(app);
            app.view
                .layers
                .push(Layer::notice("Orphaned annotations", lines));
        }
        _ => return false,
    }
    true
}

/// The plain verdict action of a set-and-next one (the same action for the others).
fn verdict_action(action: Action) -> Action {
    use Action::*;
    match action {
        ConfirmedNext => VerdictConfirmed,
        DisputedNext => VerdictDisputed,
        FalseNext => VerdictFalse,
        ErrorNext => VerdictError,
        UncertainNext => VerdictUncertain,
        other => other,
    }
}

/// Run `f` on the selected claim, or say that one must be selected.
fn on_claim(app: &mut App, f: impl FnOnce(&mut App, &Claim) -> Option<()>) {
    match app.selected_claim().cloned() {
        Some(c) => {
            f(app, &c);
        }
        None => {
            let hint = app.key_hint(Context::Global, Action::FocusNext, "to the claims pane");
            app.view.status = Some(format!("select a claim first{hint}"));
        }
    }
}

/// Open the form for the selected claim's note, tags or corrected value.
fn open_claim_editor(app: &mut App, c: &Claim, action: Action) {
    let target = app.model.claim_target(c);
    let note = app.note_of(c).cloned();
    let (purpose, title, field) = match action {
        Action::EditNote => (
            Purpose::ClaimNote(target),
            "Note on the claim",
            Field::new("note", &note.map(|n| n.note).unwrap_or_default(), true),
        ),
        Action::EditTags => {
            let tags = note.map(|n| n.tags).unwrap_or_default();
            let shown = tags.iter().cloned().collect::<Vec<_>>().join(", ");
            (
                Purpose::Tags(target, tags),
                "Tags, separated by commas",
                Field::new("tags", &shown, false),
            )
        }
        _ => (
            Purpose::Corrected(target),
            "The value the text really gives",
            Field::new(
                "corrected",
                &note.and_then(|n| n.corrected).unwrap_or_default(),
                false,
            ),
        ),
    };
    open_editor(app, purpose, title, vec![field]);
}

/// Link (or unlink) `c` and the marked claim.
fn link(app: &mut App, c: &Claim, fx: &mut Vec<Effect>) {
    match app.view.link_mark.clone() {
        Some(mark) if mark != c.id => {
            let target = Target::link(&mark, &c.id);
            let on =
                !app.model.annotations.as_ref().is_some_and(|a| {
                    a.current(&target, &Value::Linked(false)) == Value::Linked(true)
                });
            fx.push(Effect::set(vec![(target, Value::Linked(on))]));
        }
        _ => {
            let hint = app.key_hint(Context::Claims, Action::MarkLink, "");
            app.view.status = Some(format!("mark a claim first{hint}, then link another to it"));
        }
    }
}

/// Grade the current report's source, or open the form for its note.
fn source(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some(r) = current_report(app) else {
        app.view.status = Some("select an article first".into());
        return;
    };
    let id = app.model.doc.corpus.reports[r].id.clone();
    if let Some(reliability) = reliability_of(action) {
        fx.push(Effect::set(vec![(
            Target::Source(id),
            Value::Reliability(reliability),
        )]));
        return;
    }
    let note = app
        .model
        .annotations
        .as_ref()
        .and_then(|a| a.sources.get(&id))
        .map(|s| s.note.clone())
        .unwrap_or_default();
    open_editor(
        app,
        Purpose::SourceNote(id),
        "Note on the source",
        vec![Field::new("note", &note, true)],
    );
}

/// Set the selected slot's conflict status, or open the form for its assessment.
fn slot(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let Some((incident, slot)) = selected_slot(app) else {
        app.view.status = Some("select a slot of the comparison first".into());
        return;
    };
    if let Some(status) = status_of(action) {
        fx.push(Effect::set(vec![(
            Target::Slot { incident, slot },
            Value::Status(Some(status)),
        )]));
        return;
    }
    let a = app
        .model
        .annotations
        .as_ref()
        .and_then(|a| a.slot(&incident, &slot))
        .and_then(|n| n.assessment.clone())
        .unwrap_or_default();
    let title = format!("Assess {slot:?}");
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

/// Open a form as the top layer.
pub fn open_editor(app: &mut App, purpose: Purpose, title: &str, fields: Vec<Field>) {
    app.view
        .layers
        .push(Layer::Editor(Editor::new(purpose, title, fields)));
}

/// The report the source actions apply to: the reader's, else the list's selection.
fn current_report(app: &App) -> Option<usize> {
    match app.view.focus {
        Pane::Reader => app.view.reader,
        Pane::Claims => app.view.claims.report,
        _ => app.selected_report().or(app.view.reader),
    }
}

/// The incident id and slot name of the comparison's selected slot.
fn selected_slot(app: &App) -> Option<(String, String)> {
    let c = app.selected_comparison()?;
    let slot = c.slots.get(app.view.comparison.selected)?;
    Some((c.incident.clone(), slot.slot.clone()))
}

/// The lines of the orphans window: annotations whose claims are gone.
fn orphans(app: &App) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(a) = &app.model.annotations {
        let attached = &app.model.notes.attached;
        for key in &attached.orphans {
            if let Some(n) = a.claims.get(key) {
                let note = if n.note.is_empty() {
                    String::new()
                } else {
                    format!("; note: {}", n.note.replace('\n', " / "))
                };
                lines.push(format!(
                    "{key} in {}: {:?} — {}{note}",
                    n.anchor.report, n.anchor.text, n.verdict
                ));
            }
        }
        for id in &attached.manual_orphans {
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
    lines
}
