//! What the windows that take typed text hold: the forms (notes, tags, corrected values,
//! source notes, assessments, incidents, the claim filter), the search box, the command
//! palette, the incident picker and the picker of claims made from selected text. Keys bound
//! in their key map context act on them; any other key is typed into the field.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::annotate::Target;
use crate::model::Claim;
use crate::search::HitKind;
use crate::tui::action::{ACTIONS, Action};

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
    /// Why a value is left out of a slot: the write to make, the reason to be filled in.
    Exclude {
        /// The slot's incident id.
        incident: String,
        /// The slot.
        slot: String,
        /// The claim id.
        claim: String,
        /// The exclusion, its reason to come from the form.
        exclusion: Box<crate::annotate::Exclusion>,
    },
    /// The claims pane's filter.
    Filter,
    /// The article list's filter.
    ListFilter,
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
    /// The fields' texts when the form opened, to know whether anything was typed.
    pristine: Vec<String>,
    /// Quit was asked once with unsaved text: asked again, it quits without it.
    pub quit_asked: bool,
}

impl Editor {
    /// A form with the cursor in its first field.
    pub fn new(purpose: Purpose, title: &str, fields: Vec<Field>) -> Editor {
        Editor {
            purpose,
            title: title.to_string(),
            pristine: fields.iter().map(Field::text).collect(),
            fields,
            focus: 0,
            quit_asked: false,
        }
    }

    /// True when a field's text differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .map(Field::text)
            .ne(self.pristine.iter().cloned())
    }
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

/// The search worker's answer to a query.
#[derive(Debug, Clone)]
pub struct SearchReply {
    /// The query answered.
    pub query: String,
    /// Hits, best first, with what to highlight.
    pub hits: Vec<SearchHit>,
    /// Items matched in all.
    pub total: usize,
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
            .filter(|(_, info)| info.action.in_palette())
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
    pub fn answer(&mut self, reply: SearchReply) {
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

/// Carry out one of readline's editing actions on `field`. False when `action` is not one.
pub fn edit(field: &mut Field, action: Action) -> bool {
    use ratatui_textarea::CursorMove;
    let area = &mut field.area;
    match action {
        Action::LineStart => area.move_cursor(CursorMove::Head),
        Action::LineEnd => area.move_cursor(CursorMove::End),
        Action::WordBack => area.move_cursor(CursorMove::WordBack),
        Action::WordForward => area.move_cursor(CursorMove::WordForward),
        Action::DeleteToStart => {
            area.delete_line_by_head();
        }
        Action::DeleteToEnd => {
            area.delete_line_by_end();
        }
        Action::DeleteWord => {
            area.delete_word();
        }
        _ => return false,
    }
    true
}

/// Type `key` into `field`. True when the text changed.
pub fn type_key(field: &mut Field, key: KeyEvent) -> bool {
    field.area.input(key)
}

/// What the incident chosen in the picker is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// Move this report (by id) there.
    Move(String),
    /// Add this report (by id) to it as well.
    Add(String),
    /// Merge this incident (by id) into it.
    Merge(String),
    /// Merge this slot of this incident into the slot chosen (or set the chosen one apart
    /// again, when it was merged into this one).
    MergeSlot {
        /// The incident's id.
        incident: String,
        /// The slot's name ("means: bombs").
        slot: String,
    },
}

/// The incident picker: every other incident of the file, fuzzy-matched by what is typed.
#[derive(Debug, Clone)]
pub struct IncidentPicker {
    /// What the choice is for.
    pub purpose: PickFor,
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
    /// A picker over `corpus`'s incidents but `except`.
    pub fn new(corpus: &crate::model::Corpus, purpose: PickFor, except: &str) -> Self {
        let choices = corpus
            .incidents
            .iter()
            .filter(|i| i.id != except)
            .map(|i| {
                let label = format!("{} · {} · {}", i.title, i.date_text(), i.place);
                (i.id.clone(), crate::text::sanitize(&label).into_owned())
            })
            .collect();
        IncidentPicker::of(purpose, "incident", choices)
    }

    /// A picker over `choices` (id, label), its field named `what`.
    pub fn of(purpose: PickFor, what: &'static str, choices: Vec<(String, String)>) -> Self {
        let mut p = IncidentPicker {
            purpose,
            query: Field::new(what, "", false),
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
            PickFor::Move(report) => format!(" Move {report} to "),
            PickFor::Add(report) => format!(" Add {report} to "),
            PickFor::Merge(from) => format!(" Merge {from} into "),
            PickFor::MergeSlot { slot, .. } => {
                format!(" Merge \"{}\" into ", crate::text::sanitize(slot))
            }
        }
    }
}
