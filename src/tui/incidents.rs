//! Incidents by keys: moving the selected report to another incident, adding it to a second
//! and merging the selected incident into another, through a picker of incidents
//! fuzzy-matched by title, id, date and place; splitting a report off into a new incident and
//! editing an incident's title, date and place in a form; and rebuilding the document when
//! the grouping changes. Every change is journal changes (see [`crate::annotate::regroup`]),
//! undone like any annotation.

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::annotation::Effect;
use super::input::{Editor, Field, Input, Outcome, Purpose as Form, edit};
use super::state::{App, ArticleList, ClaimList, ComparisonView, Document, NoteView, Row};
use crate::annotate::regroup::Grouping;
use crate::annotate::{regroup, regrouped};
use crate::article_index::ArticleIndex;
use crate::model::{Corpus, DateSpan};

/// What the chosen incident is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Move this report (by id) there.
    Move(String),
    /// Add this report (by id) to it as well.
    Add(String),
    /// Merge this incident (by id) into it.
    Merge(String),
}

/// The picker: every other incident of the file, fuzzy-matched by what is typed.
#[derive(Debug, Clone)]
pub struct IncidentPicker {
    /// What the choice is for.
    pub purpose: Purpose,
    /// What is typed.
    pub query: Field,
    /// (incident id, "title · date · place") of each incident offered.
    pub choices: Vec<(String, String)>,
    /// Indices into `choices` that match, best first.
    pub matches: Vec<usize>,
    /// The selected match.
    pub selected: usize,
}

impl IncidentPicker {
    fn new(app: &App, purpose: Purpose, except: &str) -> Self {
        let choices = app
            .doc
            .corpus
            .incidents
            .iter()
            .filter(|i| i.id != except)
            .map(|i| {
                let label = format!("{} · {} · {}", i.title, i.date_text(), i.place);
                (i.id.clone(), crate::text::sanitize(&label).into_owned())
            })
            .collect();
        let mut p = IncidentPicker {
            purpose,
            query: Field::new("incident", "", false),
            choices,
            matches: Vec::new(),
            selected: 0,
        };
        p.refilter();
        p
    }

    /// Match the incidents against the query.
    pub fn refilter(&mut self) {
        use fuzzy_matcher::FuzzyMatcher;
        let q = self.query.text();
        let q = q.trim();
        let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
        let mut scored: Vec<(i64, usize)> = self
            .choices
            .iter()
            .enumerate()
            .filter_map(|(n, (id, label))| {
                if q.is_empty() {
                    return Some((0, n));
                }
                matcher
                    .fuzzy_match(&format!("{label} {id}"), q)
                    .map(|s| (s, n))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().map(|(_, n)| n).collect();
        self.selected = 0;
    }

    /// The title of the window.
    pub fn title(&self) -> String {
        match &self.purpose {
            Purpose::Move(report) => format!(" Move {report} to — Enter moves, Esc closes "),
            Purpose::Add(report) => format!(" Add {report} to — Enter adds, Esc closes "),
            Purpose::Merge(from) => format!(" Merge {from} into — Enter merges, Esc closes "),
        }
    }
}

/// Open the picker to move the report selected in the article list (`add`: to add it to a
/// second incident instead).
pub fn open_move(app: &mut App, add: bool) {
    let Some(r) = app.selected_report() else {
        app.status = Some("select a report first (in the article list)".into());
        return;
    };
    let report = &app.doc.corpus.reports[r];
    let main = report.incidents.first().cloned().unwrap_or_default();
    let purpose = if add {
        Purpose::Add(report.id.clone())
    } else {
        Purpose::Move(report.id.clone())
    };
    let picker = IncidentPicker::new(app, purpose, &main);
    open(app, picker);
}

/// Open a form for the title of a new incident the selected report is split off into.
pub fn open_split(app: &mut App) {
    if app.journal.is_none() {
        app.status = Some(super::annotation::NO_JOURNAL.into());
        return;
    }
    let Some(r) = app.selected_report() else {
        app.status = Some("select a report first (in the article list)".into());
        return;
    };
    let report = app.doc.corpus.reports[r].id.clone();
    app.input = Some(Input::Editor(Editor {
        purpose: Form::Split(report.clone()),
        title: format!("Split {report} off into a new incident — Enter splits, Esc closes"),
        fields: vec![Field::new("title of the new incident", "", false)],
        focus: 0,
    }));
}

/// Save the split form: the report goes under a new incident of that title.
pub fn save_split(app: &mut App, report: &str, editor: &Editor) {
    let title = editor.fields.first().map(Field::text).unwrap_or_default();
    if title.trim().is_empty() {
        app.status = Some("nothing split: a new incident needs a title".into());
        return;
    }
    match regroup::split(&app.doc.corpus, &[report.to_string()], title.trim()) {
        Ok((sets, _)) => app.effects.push(Effect::Set(sets)),
        Err(e) => app.status = Some(e.to_string()),
    }
}

/// The id of the incident selected in the article list (its heading or one of its reports).
fn selected_incident(app: &App) -> Option<String> {
    app.selected_group()
        .and_then(|g| app.doc.index.groups.get(g))
        .and_then(|g| g.incident)
        .map(|i| app.doc.corpus.incidents[i].id.clone())
}

/// Open the picker to merge the incident selected in the article list into another.
pub fn open_merge(app: &mut App) {
    let Some(from) = selected_incident(app) else {
        app.status = Some("select an incident first (in the article list)".into());
        return;
    };
    let picker = IncidentPicker::new(app, Purpose::Merge(from.clone()), &from);
    open(app, picker);
}

fn open(app: &mut App, picker: IncidentPicker) {
    if app.journal.is_none() {
        app.status = Some(super::annotation::NO_JOURNAL.into());
        return;
    }
    if picker.choices.is_empty() {
        app.status = Some("there is no other incident".into());
        return;
    }
    app.input = Some(Input::Incidents(picker));
}

/// Feed a key to the open picker.
pub fn key(app: &mut App, mut p: IncidentPicker, key: KeyEvent) {
    match edit(&mut p.query, key) {
        Outcome::Changed => {
            p.refilter();
            app.input = Some(Input::Incidents(p));
        }
        Outcome::Select(d) => {
            let len = p.matches.len();
            if len > 0 {
                p.selected = p.selected.saturating_add_signed(d).min(len - 1);
            }
            app.input = Some(Input::Incidents(p));
        }
        Outcome::Submit => match p.matches.get(p.selected) {
            Some(&n) => choose(app, &p.purpose, &p.choices[n].0),
            None => app.input = Some(Input::Incidents(p)),
        },
        Outcome::Cancel => app.status = Some("nothing moved".into()),
        Outcome::Stay => app.input = Some(Input::Incidents(p)),
    }
}

/// Turn the choice into journal changes.
fn choose(app: &mut App, purpose: &Purpose, to: &str) {
    let corpus = &app.doc.corpus;
    let sets = match purpose {
        Purpose::Move(report) => regroup::move_report(corpus, report, to),
        Purpose::Add(report) => regroup::add_report(corpus, report, to),
        Purpose::Merge(from) => regroup::merge(corpus, from, to),
    };
    match sets {
        Ok(sets) => app.effects.push(Effect::Set(sets)),
        Err(e) => app.status = Some(e.to_string()),
    }
}

/// Lay the journal's grouping over the data file as read. When that changes the incidents
/// (a move, a merge, an undo of one, or another session's), the document is rebuilt, the
/// selected report stays selected, and the claims and comparisons are made again on the
/// worker. True when it changed.
pub fn regroup_document(app: &mut App) -> bool {
    let Some(journal) = app.journal.as_ref() else {
        return false;
    };
    // Most writes, and most other sessions' changes, leave the grouping as it was: compare
    // the grouping itself before touching the corpus.
    let a = journal.annotations();
    let grouping = grouping_of(a);
    if grouping == app.doc.grouping {
        return false;
    }
    let grouped = regrouped((*app.doc.filed).clone(), a);
    if grouped == *app.doc.corpus {
        app.doc.grouping = grouping;
        return false;
    }
    rebuild_document(app, grouped, grouping);
    true
}

/// Show the data file as read again (`filed`), with the analyst's grouping laid over it.
pub fn replace_filed(app: &mut App, filed: Corpus) {
    app.doc.filed = Arc::new(filed);
    let (grouped, grouping) = match app.journal.as_ref() {
        Some(j) => {
            let a = j.annotations();
            (regrouped((*app.doc.filed).clone(), a), grouping_of(a))
        }
        None => ((*app.doc.filed).clone(), Grouping::default()),
    };
    rebuild_document(app, grouped, grouping);
}

/// The part of the annotations that regroups the data file's reports.
fn grouping_of(a: &crate::annotate::Annotations) -> Grouping {
    (a.memberships.clone(), a.incidents.clone())
}

/// Show `grouped` (the data file as read, with `grouping` laid over it): the selected report
/// stays selected, and the claims and comparisons are made again on the worker.
fn rebuild_document(app: &mut App, grouped: Corpus, grouping: Grouping) {
    let keep = app.selected_report();
    let index = ArticleIndex::build(&grouped);
    app.doc = Document {
        corpus: Arc::new(grouped),
        filed: Arc::clone(&app.doc.filed),
        index,
        name: std::mem::take(&mut app.doc.name),
        grouping,
        source: app.doc.source.take(),
    };
    app.list = ArticleList::new(&app.doc.index);
    if let Some(at) = keep.and_then(|k| {
        app.list
            .rows
            .iter()
            .position(|r| matches!(r, Row::Article { report, .. } if *report == k))
    }) {
        app.list.selected = at;
    }
    app.claims = ClaimList::default();
    app.comparison = ComparisonView::default();
    app.comparison_incident = None;
    app.notes = NoteView::default();
    app.reanalyse = true;
}

/// Open a form for the selected incident's title, date and place.
pub fn open_edit(app: &mut App) {
    if app.journal.is_none() {
        app.status = Some(super::annotation::NO_JOURNAL.into());
        return;
    }
    let Some(incident) = selected_incident(app).and_then(|id| app.doc.corpus.incident(&id)) else {
        app.status = Some("select an incident first (in the article list)".into());
        return;
    };
    let date = incident.date.map(|d| d.to_string()).unwrap_or_default();
    app.input = Some(Input::Editor(Editor {
        purpose: Form::Incident(incident.id.clone()),
        title: format!(
            "Incident {} — Tab: next field; Ctrl-S saves, Esc closes",
            incident.id
        ),
        fields: vec![
            Field::new("title", &incident.title, false),
            Field::new(
                "date (2017-10-20, 2017-10, or 2017-10-20/2017-10-22)",
                &date,
                false,
            ),
            Field::new("place", &incident.place, false),
        ],
        focus: 0,
    }));
}

/// Save the incident form: one journal step, refused with a message when the date does not
/// read (the form stays open with what was typed).
pub fn save_edit(app: &mut App, id: &str, editor: &Editor) {
    let text = |n: usize| editor.fields.get(n).map(Field::text).unwrap_or_default();
    let Some(mut record) = app.doc.corpus.incident(id).cloned() else {
        app.status = Some(format!("incident {id} is gone"));
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
                app.status = Some(format!("date: {e}"));
                app.input = Some(Input::Editor(editor.clone()));
                return;
            }
        }
    };
    record.title = text(0).trim().to_string();
    record.place = text(2).trim().to_string();
    if record.title.is_empty() {
        app.status = Some("an incident needs a title".into());
        app.input = Some(Input::Editor(editor.clone()));
        return;
    }
    match regroup::edit(&app.doc.corpus, id, record) {
        Ok(sets) => app.effects.push(Effect::Set(sets)),
        Err(e) => app.status = Some(e.to_string()),
    }
}
