//! What the runtime hands back to the interface: the outcome of a journal write, the
//! analysis worker's claims and comparisons, the search worker's hits. Each brings the model
//! up to date and may ask for more work.

use std::sync::Arc;

use super::fit::fit;
use crate::annotate::{self, Annotations, Receipt, Target, Value, Verdict};
use crate::tui::app::analysis::{Analysis, Derived, Patch};
use crate::tui::app::forms::{Editor, SearchReply};
use crate::tui::app::{App, Effect, Layer, Scope};

/// A journal write was made, or other sessions' changes were picked up: `annotations` are the
/// journal's now. `idle` is what to say when the write changed nothing.
pub fn written(
    app: &mut App,
    receipt: &Receipt,
    annotations: Arc<Annotations>,
    idle: &str,
) -> Vec<Effect> {
    app.model.annotations = Some(annotations);
    app.model.version += 1;
    let mut fx = Vec::new();
    // A move or a merge (or its undo, or another session's) changes the incidents themselves:
    // the document is rebuilt and analysed again.
    let regroups = receipt.others > 0
        || receipt.entry.as_ref().is_some_and(|e| {
            e.changes
                .iter()
                .any(|c| matches!(c.target, Target::Membership(_) | Target::Incident(_)))
        });
    if regroups && super::incidents::regroup_document(app) {
        app.view.status = Some(match &receipt.entry {
            Some(e) => format!("saved #{}: {} — comparing again…", e.seq, e.describe()),
            None => format!("{} change(s) from another session", receipt.others),
        });
        fit(app);
        return vec![Effect::Analyse];
    }
    let Some(entry) = &receipt.entry else {
        if receipt.others > 0 {
            fx.push(recompute(app, Scope::All));
            app.view.status = Some(format!("{} change(s) from another session", receipt.others));
        } else {
            app.view.status = Some(idle.into());
        }
        return fx;
    };
    // Manual claims and extraction errors change which claims are listed and compared.
    let structural = entry.changes.iter().any(|c| {
        matches!(c.target, Target::Manual(_))
            || matches!(c.after, Value::Excluded(..) | Value::MergedInto(_))
            || [&c.before, &c.after]
                .iter()
                .any(|v| matches!(v, Value::Verdict(Verdict::ExtractionError)))
    });
    let touched = touched_reports(app, entry);
    if receipt.others > 0 {
        fx.push(recompute(app, Scope::All));
    } else if structural {
        fx.push(recompute(app, Scope::Reports(touched.clone())));
    }
    // The claims written are attached under their own ids at once; the worker's answer, when
    // one was asked for, settles the rest.
    for change in &entry.changes {
        if let Target::Claim { id, .. } = &change.target
            && !app.model.notes.attached.by_claim.values().any(|k| k == id)
        {
            app.model
                .notes
                .attached
                .by_claim
                .insert(id.clone(), id.clone());
        }
    }
    for r in touched {
        recount(app, r);
    }
    let mut message = format!("saved #{}: {}", entry.seq, entry.describe());
    if receipt.others > 0 {
        message.push_str(&format!(
            " ({} change(s) from another session picked up)",
            receipt.others
        ));
    }
    if !fx.is_empty() {
        message.push_str(" — comparing again…");
    }
    if let Some(warning) = &receipt.warning {
        message = format!("{message} — {warning}");
    }
    app.view.status = Some(message);
    fit(app);
    fx
}

/// Ask the worker to derive again what depends on the annotations.
fn recompute(app: &mut App, scope: Scope) -> Effect {
    if scope != Scope::Notes {
        app.model.comparing = true;
    }
    Effect::Recompute(scope)
}

/// The corpus indices of the reports an entry's changes are on.
fn touched_reports(app: &App, entry: &annotate::Entry) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for change in &entry.changes {
        // Merging slots moves values of every report on the incident.
        if let (Target::Slot { incident, .. }, Value::MergedInto(_)) =
            (&change.target, &change.after)
        {
            let corpus = &app.model.doc.corpus;
            for group in &app.model.doc.index.groups {
                if group
                    .incident
                    .is_some_and(|i| corpus.incidents[i].id == *incident)
                {
                    for &r in &group.reports {
                        if !out.contains(&r) {
                            out.push(r);
                        }
                    }
                }
            }
            continue;
        }
        let report = match (&change.target, &change.before, &change.after) {
            (Target::Claim { anchor, .. }, ..) => Some(anchor.report.as_str()),
            (Target::Manual(_), Value::Manual(Some(c)), _)
            | (Target::Manual(_), _, Value::Manual(Some(c))) => Some(c.report.as_str()),
            (_, Value::Excluded(_, Some(e)), _) | (_, _, Value::Excluded(_, Some(e))) => {
                Some(e.anchor.report.as_str())
            }
            _ => None,
        };
        if let Some(id) = report
            && let Some(r) = app.model.doc.corpus.reports.iter().position(|x| x.id == id)
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

/// A write failed: say so, and give back the form it came from so nothing typed is lost.
pub fn not_saved(app: &mut App, error: &str, editor: Option<Box<Editor>>) {
    if let Some(editor) = editor {
        app.view.layers.push(Layer::Editor(*editor));
    }
    let lines = error.lines().map(str::to_string).collect();
    app.view.layers.push(Layer::notice("NOT SAVED", lines));
    fit(app);
}

/// Recount report `r`'s reviewed claims and the groups it is in.
fn recount(app: &mut App, r: usize) {
    let count = app.model.reviewed_of(r);
    if let Some(slot) = app.model.notes.reviewed.get_mut(r) {
        *slot = count;
    }
    for g in 0..app.model.doc.index.groups.len() {
        if app.model.doc.index.groups[g].reports.contains(&r) {
            let sum = app.model.group_sum(g);
            if let Some(slot) = app.model.notes.group_reviewed.get_mut(g) {
                *slot = sum;
            }
        }
    }
}

/// The analysis worker answered.
pub fn analysed(app: &mut App, reply: Analysis) -> Vec<Effect> {
    let mut fx = Vec::new();
    match reply {
        Analysis::Claims(derived) => {
            if derived.generation != app.model.generation {
                return fx;
            }
            fx.extend(apply_derived(app, derived));
            app.view.claims.report = app.selected_report().or(app.view.claims.report);
        }
        Analysis::Comparisons { generation, patch } => {
            if generation != app.model.generation {
                return fx;
            }
            apply_patch(app, patch);
        }
        Analysis::Recomputed { derived, patch } => {
            if derived.generation != app.model.generation {
                return fx;
            }
            fx.extend(apply_derived(app, derived));
            apply_patch(app, patch);
        }
    }
    super::restore::select_pending(app);
    fit(app);
    fx
}

/// Take the worker's claims and annotation state. When writes were made since it was asked,
/// the claims they attached are kept, and the worker is asked again.
fn apply_derived(app: &mut App, d: Derived) -> Option<Effect> {
    let stale = d.version != app.model.version;
    let notes = &mut app.model.notes;
    let mut attached = d.attached;
    if stale {
        for (id, key) in &notes.attached.by_claim {
            attached
                .by_claim
                .entry(id.clone())
                .or_insert_with(|| key.clone());
        }
    }
    notes.attached = attached;
    notes.extracted = Some(d.extracted);
    notes.reviewed = d.reviewed;
    app.model.claims = Some(d.listed);
    app.model.notes.group_reviewed = (0..app.model.doc.index.groups.len())
        .map(|g| app.model.group_sum(g))
        .collect();
    stale.then_some(Effect::Recompute(Scope::Notes))
}

/// Take the worker's comparisons.
fn apply_patch(app: &mut App, patch: Patch) {
    match patch {
        Patch::All(all) => app.model.comparisons = Some(Arc::new(all)),
        Patch::Incidents(some) => {
            if let Some(all) = app.model.comparisons.as_mut() {
                // Only the interface holds the comparisons: this changes them in place.
                let all = Arc::make_mut(all);
                for (i, c) in some {
                    if let Some(slot) = all.get_mut(i) {
                        *slot = c;
                    }
                }
            }
        }
        Patch::None => return,
    }
    app.model.comparing = false;
}

/// Something the runtime did or could not do, for the status line.
pub fn told(app: &mut App, message: String) {
    app.view.status = Some(message);
}

/// Something the analyst must read (the audit log, …), in a window.
pub fn shown(app: &mut App, title: &str, lines: Vec<String>) {
    app.view.layers.push(Layer::notice(title, lines));
    fit(app);
}

/// The search worker cannot take the query.
pub fn search_unavailable(app: &mut App) {
    if let Some(Layer::Search(sb)) = app.view.layers.last_mut() {
        sb.busy = false;
    }
    told(app, "search is not ready yet".into());
}

/// The data file changed on disk and was read again (`corpus`): it is shown, the analyst is
/// told what changed, and the claims and comparisons are made again.
pub fn data_file_reloaded(app: &mut App, corpus: crate::model::Corpus, message: String) -> Effect {
    let effect = super::incidents::replace_filed(app, corpus);
    shown(app, "Data file changed", vec![message]);
    effect
}

/// The search worker answered.
pub fn search_reply(app: &mut App, reply: SearchReply) {
    if let Some(Layer::Search(sb)) = app.view.layers.last_mut() {
        sb.answer(reply);
    }
}
