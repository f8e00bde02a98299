//! Windows that take typed text: the editors (notes, tags, corrected values, source notes,
//! assessments, the claim filter), the search box, the command palette, and the picker of
//! claims made from selected text. While one is open, keys go to it, not to the key map.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use crate::annotate::Target;
use crate::model::Claim;
use crate::search::HitKind;

use super::action::{ACTIONS, Action};

/// What an editor's text becomes when it is saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// A claim's note.
    ClaimNote(Target),
    /// A claim's tags (comma-separated), with the tags the editor opened with: saving adds and
    /// removes what the analyst changed, leaving tags another session set meanwhile.
    Tags(Target, std::collections::BTreeSet<String>),
    /// A claim's corrected value.
    Corrected(Target),
    /// A source's note (report id).
    SourceNote(String),
    /// A slot's assessment: best, range, rationale.
    Assessment {
        /// Incident id.
        incident: String,
        /// Slot name.
        slot: String,
    },
    /// An incident's title, date and place (incident id).
    Incident(String),
    /// The title of a new incident a report is split off into (report id).
    Split(String),
    /// The claims pane's filter.
    Filter,
    /// Who the report says said the claim being made.
    SaidBy(Box<Candidates>),
}

/// One labelled text field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its label.
    pub label: &'static str,
    /// The text being edited.
    pub area: TextArea<'static>,
    /// Enter adds a line (notes) instead of moving on.
    pub multiline: bool,
}

impl Field {
    /// A field labelled `label` holding `text`. Text from files is untrusted: control
    /// characters are replaced before it is shown.
    pub fn new(label: &'static str, text: &str, multiline: bool) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n')
                .map(|l| crate::text::sanitize(l).into_owned())
                .collect()
        };
        let mut area = TextArea::new(lines);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            label,
            area,
            multiline,
        }
    }

    /// The text, lines joined.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

/// A form of one or more fields.
#[derive(Debug, Clone)]
pub struct Editor {
    /// What saving does.
    pub purpose: Purpose,
    /// Window title.
    pub title: String,
    /// The fields.
    pub fields: Vec<Field>,
    /// The field with the cursor.
    pub focus: usize,
}

/// The search box and its results.
#[derive(Debug, Clone)]
pub struct SearchBox {
    /// The query.
    pub query: Field,
    /// The query the results are for.
    pub answered: String,
    /// The results, best first: (kind, report, claim, offset, text, matched char indices).
    pub hits: Vec<SearchHit>,
    /// How many items matched in all.
    pub total: usize,
    /// The selected hit.
    pub selected: usize,
    /// True while a newer query is being answered.
    pub busy: bool,
}

/// A search result as the box shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// What it is.
    pub kind: HitKind,
    /// Report index.
    pub report: usize,
    /// Claim id, when it is on a claim.
    pub claim: Option<String>,
    /// Byte offset in the body.
    pub at: usize,
    /// The text.
    pub text: String,
    /// Char indices to highlight.
    pub marks: Vec<usize>,
}

/// The command palette: every action, fuzzy-matched by name.
#[derive(Debug, Clone)]
pub struct Palette {
    /// What is typed.
    pub query: Field,
    /// Matching actions, best first.
    pub matches: Vec<Action>,
    /// The selected match.
    pub selected: usize,
}

impl Palette {
    /// An empty palette listing every action.
    pub fn new() -> Self {
        let mut p = Palette {
            query: Field::new("command", "", false),
            matches: Vec::new(),
            selected: 0,
        };
        p.refilter();
        p
    }

    /// Match the actions against the query (a few dozen: done at once).
    pub fn refilter(&mut self) {
        use fuzzy_matcher::FuzzyMatcher;
        let q = self.query.text();
        let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
        let mut scored: Vec<(i64, usize, Action)> = ACTIONS
            .iter()
            .enumerate()
            .filter_map(|(n, info)| {
                let hay = format!("{} {}", info.title, info.id.replace('_', " "));
                let score = if q.trim().is_empty() {
                    0
                } else {
                    matcher.fuzzy_match(&hay, q.trim())?
                };
                Some((score, n, info.action))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().map(|(_, _, a)| a).collect();
        self.selected = 0;
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::new()
    }
}

/// Claims the analyst may make of the selected text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidates {
    /// The report.
    pub report: usize,
    /// The candidates (each covers the selection).
    pub claims: Vec<Claim>,
    /// The selected one.
    pub selected: usize,
}

/// A window taking typed text.
#[derive(Debug, Clone)]
pub enum Input {
    /// A form.
    Editor(Editor),
    /// The search box.
    Search(SearchBox),
    /// The command palette.
    Palette(Palette),
    /// The picker of claims from a selection.
    Candidates(Candidates),
    /// The picker of an incident to move a report to or merge an incident into.
    Incidents(super::incidents::IncidentPicker),
}

impl SearchBox {
    /// An empty search box.
    pub fn new() -> Self {
        SearchBox {
            query: Field::new("search", "", false),
            answered: String::new(),
            hits: Vec::new(),
            total: 0,
            selected: 0,
            busy: false,
        }
    }

    /// Take the worker's reply, if it answers the query typed now.
    pub fn answer(&mut self, reply: super::search_worker::Reply) {
        if reply.query != self.query.text() {
            return;
        }
        self.answered = reply.query;
        self.total = reply.total;
        self.hits = reply.hits;
        self.selected = 0;
        self.busy = false;
    }
}

impl Default for SearchBox {
    fn default() -> Self {
        SearchBox::new()
    }
}

/// What a key did to an open input.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing for the app to do.
    Stay,
    /// The text changed (search and palette refilter).
    Changed,
    /// Save / accept, then close.
    Submit,
    /// Close without saving.
    Cancel,
    /// Move the selection of a list.
    Select(isize),
}

/// Feed `key` to `field`. Enter submits a one-line field; Esc cancels; Up/Down move a list.
pub fn edit(field: &mut Field, key: KeyEvent) -> Outcome {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => Outcome::Cancel,
        KeyCode::Char('s') if ctrl => Outcome::Submit,
        KeyCode::Enter if !field.multiline || key.modifiers.contains(KeyModifiers::ALT) => {
            Outcome::Submit
        }
        KeyCode::Up if !field.multiline => Outcome::Select(-1),
        KeyCode::Down if !field.multiline => Outcome::Select(1),
        KeyCode::Char('p') if ctrl && !field.multiline => Outcome::Select(-1),
        KeyCode::Char('n') if ctrl && !field.multiline => Outcome::Select(1),
        _ => {
            if field.area.input(key) {
                Outcome::Changed
            } else {
                Outcome::Stay
            }
        }
    }
}
