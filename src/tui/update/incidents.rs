//! Incidents by keys: moving the selected report to another incident, adding it to a second
//! and merging the selected incident into another, through a picker of incidents
//! fuzzy-matched by title, id, date and place; splitting a report off into a new incident and
//! editing an incident's title, date and place in a form; and rebuilding the document when
//! the grouping changes. Every change is journal changes (see [`crate::annotate::regroup`]),
//! undone like any annotation.

use std::sync::Arc;

use super::annotation::{NO_JOURNAL, open_editor};
use crate::annotate::regroup::Grouping;
use crate::annotate::{regroup, regrouped};
use crate::article_index::ArticleIndex;
use crate::model::{Corpus, DateSpan};
use crate::tui::action::Action;
use crate::tui::app::forms::{Editor, Field, IncidentPicker, PickFor, Purpose};
use crate::tui::app::{
    App, ArticleList, ClaimView, ComparisonView, Document, Effect, Layer, NoteView, Row, Write,
};

/// Carry out an incident action. False when `action` is not one.
pub fn update(app: &mut App, action: Action) -> bool {
    let open: fn(&mut App) = match action {
        Action::MoveReport => |app| open_move(app, false),
        Action::AddToIncident => |app| open_move(app, true),
        Action::SplitReport => open_split,
        Action::MergeIncident => open_merge,
        Action::EditIncident => open_edit,
        _ => return false,
    };
    if app.annotating() {
        open(app);
    } else {
        app.view.status = Some(NO_JOURNAL.into());
    }
    true
}

/// Open the picker to move the report selected in the article list (`add`: to add it to a
/// second incident instead).
fn open_move(app: &mut App, add: bool) {
    let Some(r) = app.selected_report() else {
        app.view.status = Some("select a report first (in the article list)".into());
        return;
    };
    let report = &app.model.doc.corpus.reports[r];
    let main = report.incidents.first().cloned().unwrap_or_default();
    let purpose = if add {
        PickFor::Add(report.id.clone())
    } else {
        PickFor::Move(report.id.clone())
    };
    let picker = IncidentPicker::new(&app.model.doc.corpus, purpose, &main);
    open_picker(app, picker);
}

/// Open a form for the title of a new incident the selected report is split off into.
fn open_split(app: &mut App) {
    let Some(r) = app.selected_report() else {
        app.view.status = Some("select a report first (in the article list)".into());
        return;
    };
    let report = app.model.doc.corpus.reports[r].id.clone();
    let title = format!("Split {report} off into a new incident");
    open_editor(
        app,
        Purpose::Split(report),
        &title,
        vec![Field::new("title of the new incident", "", false)],
    );
}

/// Save the split form: the report goes under a new incident of that title.
pub fn save_split(app: &mut App, report: &str, editor: &Editor, fx: &mut Vec<Effect>) {
    let title = editor.fields.first().map(Field::text).unwrap_or_default();
    if title.trim().is_empty() {
        app.view.status = Some("nothing split: a new incident needs a title".into());
        return;
    }
    match regroup::split(&app.model.doc.corpus, &[report.to_string()], title.trim()) {
        Ok((sets, _)) => fx.push(Effect::set(sets)),
        Err(e) => app.view.status = Some(e.to_string()),
    }
}

/// The id of the incident selected in the article list (its heading or one of its reports).
fn selected_incident_id(app: &App) -> Option<String> {
    app.selected_incident()
        .map(|i| app.model.doc.corpus.incidents[i].id.clone())
}

/// Open the picker to merge the incident selected in the article list into another.
fn open_merge(app: &mut App) {
    let Some(from) = selected_incident_id(app) else {
        app.view.status = Some("select an incident first (in the article list)".into());
        return;
    };
    let picker = IncidentPicker::new(&app.model.doc.corpus, PickFor::Merge(from.clone()), &from);
    open_picker(app, picker);
}

fn open_picker(app: &mut App, picker: IncidentPicker) {
    if picker.choices.is_empty() {
        app.view.status = Some("there is no other incident".into());
        return;
    }
    app.view.layers.push(Layer::Incidents(picker));
}

/// Turn the picker's choice into journal changes.
pub fn choose(app: &mut App, purpose: &PickFor, to: &str, fx: &mut Vec<Effect>) {
    let corpus = &app.model.doc.corpus;
    let sets = match purpose {
        PickFor::Move(report) => regroup::move_report(corpus, report, to),
        PickFor::Add(report) => regroup::add_report(corpus, report, to),
        PickFor::Merge(from) => regroup::merge(corpus, from, to),
        PickFor::MergeSlot { incident, slot } => {
            Ok(super::merge_slots::chosen(app, incident, slot, to))
        }
    };
    match sets {
        Ok(sets) => fx.push(Effect::set(sets)),
        Err(e) => app.view.status = Some(e.to_string()),
    }
}

/// Lay the annotations' grouping over the data file as read. When that changes the incidents
/// (a move, a merge, an undo of one, or another session's), the document is rebuilt, the
/// selected report stays selected, and the claims and comparisons must be made again (the
/// caller asks the worker). True when it changed.
pub fn regroup_document(app: &mut App) -> bool {
    let Some(a) = app.model.annotations.clone() else {
        return false;
    };
    // Most writes, and most other sessions' changes, leave the grouping as it was: compare
    // the grouping itself before touching the corpus.
    let grouping = grouping_of(&a);
    if grouping == app.model.doc.grouping {
        return false;
    }
    let grouped = regrouped((*app.model.doc.filed).clone(), &a);
    if grouped == *app.model.doc.corpus {
        app.model.doc.grouping = grouping;
        return false;
    }
    rebuild_document(app, grouped, grouping);
    true
}

/// Show the data file as read again (`filed`), with the analyst's grouping laid over it. The
/// claims and comparisons must be made again: the returned effect asks for them.
pub fn replace_filed(app: &mut App, filed: Corpus) -> Effect {
    app.model.doc.filed = Arc::new(filed);
    // Hits point at reports by place in the file, which a new file may change.
    app.view.found = None;
    let (grouped, grouping) = match app.model.annotations.clone() {
        Some(a) => (
            regrouped((*app.model.doc.filed).clone(), &a),
            grouping_of(&a),
        ),
        None => ((*app.model.doc.filed).clone(), Grouping::default()),
    };
    rebuild_document(app, grouped, grouping);
    Effect::Analyse
}

/// The part of the annotations that regroups the data file's reports.
fn grouping_of(a: &crate::annotate::Annotations) -> Grouping {
    (a.memberships.clone(), a.incidents.clone())
}

/// Show `grouped` (the data file as read, with `grouping` laid over it): the selected report
/// stays selected; what was derived from the old corpus is dropped until the worker answers.
fn rebuild_document(app: &mut App, grouped: Corpus, grouping: Grouping) {
    let keep = app.selected_report();
    let index = ArticleIndex::build(&grouped);
    let doc = &mut app.model.doc;
    *doc = Document {
        corpus: Arc::new(grouped),
        filed: Arc::clone(&doc.filed),
        index,
        name: std::mem::take(&mut doc.name),
        grouping,
        source: doc.source.take(),
    };
    let (order, filter) = (app.view.list.order, app.view.list.filter.take());
    app.view.list = ArticleList::new(&app.model.doc.index);
    // The analyst's order and filter outlive the regrouping.
    app.view.list.order = order;
    app.view.list.filter = filter;
    app.view.list.arranged = super::list::arrangement(app);
    if app.view.list.arranged.is_some() {
        app.view.list.rebuild(&app.model.doc.index);
    }
    let view = &mut app.view;
    if let Some(at) = keep.and_then(|k| {
        view.list
            .rows
            .iter()
            .position(|r| matches!(r, Row::Article { report, .. } if *report == k))
    }) {
        view.list.selected = at;
    }
    view.claims = ClaimView::default();
    view.comparison = ComparisonView::default();
    app.model.claims = None;
    app.model.comparisons = None;
    app.model.notes = NoteView::default();
    // Replies about the document before are dropped from now on.
    app.model.generation += 1;
}

/// Open a form for the selected incident's title, date and place.
fn open_edit(app: &mut App) {
    let Some(incident) =
        selected_incident_id(app).and_then(|id| app.model.doc.corpus.incident(&id))
    else {
        app.view.status = Some("select an incident first (in the article list)".into());
        return;
    };
    let date = incident.date.map(|d| d.to_string()).unwrap_or_default();
    let title = format!("Incident {}", incident.id);
    let fields = vec![
        Field::new("title", &incident.title, false),
        Field::new(
            "date (2017-10-20, 2017-10, or 2017-10-20/2017-10-22)",
            &date,
            false,
        ),
        Field::new("place", &incident.place, false),
    ];
    let purpose = Purpose::Incident(incident.id.clone());
    open_editor(app, purpose, &title, fields);
}

/// Save the incident form: one journal step, refused with a message when the date does not
/// read (the form stays open with what was typed).
pub fn save_edit(app: &mut App, id: &str, editor: Editor, fx: &mut Vec<Effect>) {
    let text = |n: usize| editor.fields.get(n).map(Field::text).unwrap_or_default();
    let Some(mut record) = app.model.doc.corpus.incident(id).cloned() else {
        app.view.status = Some(format!("incident {id} is gone"));
        return;
    };
    let date = text(1);
    let before = record.date.map(|d| d.to_string()).unwrap_or_default();
    if date.trim() != before {
        // The analyst states the date now; it is no longer the import's guess.
        record.date_inferred = None;
    }
    record.date = if date.trim().is_empty() {
        None
    } else {
        match date.trim().parse::<DateSpan>() {
            Ok(d) => Some(d),
            Err(e) => {
                app.view.status = Some(format!("date: {e}"));
                app.view.layers.push(Layer::Editor(editor));
                return;
            }
        }
    };
    record.title = text(0).trim().to_string();
    record.place = text(2).trim().to_string();
    if record.title.is_empty() {
        app.view.status = Some("an incident needs a title".into());
        app.view.layers.push(Layer::Editor(editor));
        return;
    }
    match regroup::edit(&app.model.doc.corpus, id, record) {
        Ok(sets) => fx.push(Effect::Write {
            write: Write::Set(sets),
            editor: Some(Box::new(editor)),
        }),
        Err(e) => app.view.status = Some(e.to_string()),
    }
}
