//! The TUI's state: the document being browsed and the view over it (focus, selection,
//! scroll offsets, overlays). `update` changes it; `view` only reads it.

use std::sync::Arc;

use crate::annotate::{Attached, ClaimNote, Journal, Target};
use crate::article_index::ArticleIndex;
use crate::compare::Comparison;
use crate::model::{Claim, Corpus};

use super::input::Input;

use super::keymap::{Context, KeyMap};
use super::theme::Theme;

/// The corpus being browsed, with what is derived from it once.
#[derive(Debug, Clone)]
pub struct Document {
    /// The data, shared with the extraction worker: the data file with the analyst's
    /// grouping of reports into incidents laid over it.
    pub corpus: Arc<Corpus>,
    /// The data file as read, before the analyst's grouping.
    pub filed: Arc<Corpus>,
    /// The analyst's grouping laid over it: reports moved, incidents edited.
    pub grouping: crate::annotate::regroup::Grouping,
    /// The articles grouped by incident.
    pub index: ArticleIndex,
    /// How to name the document to the user (a path).
    pub name: String,
    /// The data file it was read from, to notice when it changes on disk; `None` for the
    /// built-in copy.
    pub source: Option<Source>,
}

/// The data file a document was read from, as it was when read.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its path.
    pub path: std::path::PathBuf,
    /// Its metadata then.
    pub stamp: Option<crate::store::Stamp>,
    /// Its bytes then.
    pub fingerprint: crate::store::Fingerprint,
}

impl Document {
    /// A document over `corpus`, named `name` in the status bar.
    pub fn new(corpus: Corpus, name: impl Into<String>) -> Self {
        let index = ArticleIndex::build(&corpus);
        let corpus = Arc::new(corpus);
        Document {
            filed: Arc::clone(&corpus),
            corpus,
            index,
            name: name.into(),
            grouping: Default::default(),
            source: None,
        }
    }
}

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Articles grouped by incident.
    Articles,
    /// The selected article's full text.
    Reader,
    /// Claims extracted from the selected article.
    Claims,
    /// Comparison of the sources on the selected incident.
    Comparison,
}

impl Pane {
    /// Its name on screen.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Articles => "Articles",
            Pane::Reader => "Reader",
            Pane::Claims => "Claims",
            Pane::Comparison => "Comparison",
        }
    }

    /// The key map context used while it has focus.
    pub fn context(self) -> Context {
        match self {
            Pane::Articles => Context::Articles,
            Pane::Reader => Context::Reader,
            Pane::Claims => Context::Claims,
            Pane::Comparison => Context::Comparison,
        }
    }
}

/// One row of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An incident heading: index into `index.groups`.
    Group(usize),
    /// A report under a heading.
    Article {
        /// Index into `index.groups`.
        group: usize,
        /// Index into `corpus.reports`.
        report: usize,
    },
}

impl Row {
    /// The group the row belongs to.
    pub fn group(self) -> usize {
        match self {
            Row::Group(g) | Row::Article { group: g, .. } => g,
        }
    }
}

/// The article list's view state. `rows` is rebuilt only when folding changes, so drawing
/// and moving never walk the whole corpus.
#[derive(Debug, Clone, Default)]
pub struct ArticleList {
    /// The visible rows, in order.
    pub rows: Vec<Row>,
    /// Folded groups, by group index.
    pub collapsed: Vec<bool>,
    /// Index of the selected row.
    pub selected: usize,
    /// Index of the first row on screen.
    pub offset: usize,
}

impl ArticleList {
    /// Unfolded rows for `index`, first row selected.
    pub fn new(index: &ArticleIndex) -> Self {
        let mut list = ArticleList {
            collapsed: vec![false; index.groups.len()],
            ..Default::default()
        };
        list.rebuild(index);
        list
    }

    /// Recompute `rows` after folding changed, keeping the selection on the same row or,
    /// if that row was folded away, on its group's heading.
    pub fn rebuild(&mut self, index: &ArticleIndex) {
        let previous = self.rows.get(self.selected).copied();
        self.rows.clear();
        for (g, group) in index.groups.iter().enumerate() {
            self.rows.push(Row::Group(g));
            if !self.collapsed[g] {
                self.rows.extend(
                    group
                        .reports
                        .iter()
                        .map(|&report| Row::Article { group: g, report }),
                );
            }
        }
        self.selected = match previous {
            Some(row) => self
                .rows
                .iter()
                .position(|r| *r == row)
                .or_else(|| self.rows.iter().position(|r| *r == Row::Group(row.group())))
                .unwrap_or(0),
            None => 0,
        };
    }

    /// The row of report `report` under group `group`.
    pub fn row_of(&self, report: usize, group: Option<usize>) -> Option<usize> {
        self.rows.iter().position(|row| matches!(row, Row::Article { report: r, group: g } if *r == report && Some(*g) == group))
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
    }
}

/// A window over the main screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, generated from the key map.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Two reports of the incident side by side.
    SideBySide {
        /// The left report (corpus index).
        left: usize,
        /// The right report.
        right: usize,
        /// First line shown.
        scroll: usize,
    },
    /// A message the user must see (problems in their config files).
    Notice {
        /// Title of the window.
        title: String,
        /// The message, line by line.
        lines: Vec<String>,
        /// First line shown.
        scroll: usize,
    },
}

impl Overlay {
    /// The scroll offset of the overlay.
    pub fn scroll_mut(&mut self) -> &mut usize {
        match self {
            Overlay::Help { scroll }
            | Overlay::Notice { scroll, .. }
            | Overlay::SideBySide { scroll, .. } => scroll,
        }
    }
}

/// The claims pane's view state.
#[derive(Debug, Clone, Default)]
pub struct ClaimList {
    /// Claims of every report, in corpus order; `None` while extraction runs.
    pub by_report: Option<Arc<Vec<Vec<Claim>>>>,
    /// The report whose claims are listed (follows the article list).
    pub report: Option<usize>,
    /// Index into `shown` of the selected claim.
    pub selected: usize,
    /// Index into `shown` of the first claim on screen.
    pub offset: usize,
    /// The filter in force, if any.
    pub filter: Option<super::filter::ClaimFilter>,
    /// Indices into `claims()` of the claims the filter lets through, in order; `fit` keeps it
    /// current.
    pub shown: Vec<usize>,
    /// The listed report's tally of victims for its main incident, kept with `shown`.
    pub tally: Option<crate::extract::tally::Tally>,
}

impl ClaimList {
    /// The claims listed now.
    pub fn claims(&self) -> &[Claim] {
        match (&self.by_report, self.report) {
            (Some(all), Some(r)) => all.get(r).map(Vec::as_slice).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The selected claim.
    pub fn selected_claim(&self) -> Option<&Claim> {
        self.claims().get(*self.shown.get(self.selected)?)
    }
}

/// The comparison pane's view state.
#[derive(Debug, Clone, Default)]
pub struct ComparisonView {
    /// The comparison of each incident, in file order; `None` while it is computed.
    pub by_incident: Option<Arc<Vec<Comparison>>>,
    /// The selected slot of the incident shown.
    pub selected: usize,
    /// First line shown.
    pub scroll: usize,
    /// Which value of the selected slot Enter shows next.
    pub next_value: usize,
}

/// Annotation state derived for display: where annotations landed and how many claims are
/// reviewed, kept current by each write so drawing never counts.
#[derive(Debug, Clone, Default)]
pub struct NoteView {
    /// Claims as extracted (before manual claims are added), per report.
    pub extracted: Option<Arc<Vec<Vec<Claim>>>>,
    /// Where each annotation landed.
    pub attached: Attached,
    /// Per report: (reviewed, all) claims.
    pub reviewed: Vec<(usize, usize)>,
    /// Per article-list group: (reviewed, all) claims of its reports.
    pub group_reviewed: Vec<(usize, usize)>,
    /// The claim marked for linking.
    pub link_mark: Option<String>,
}

/// Everything the TUI shows.
#[derive(Debug, Clone)]
pub struct App {
    /// The document.
    pub doc: Document,
    /// Effective key bindings.
    pub keymap: KeyMap,
    /// Effective styles.
    pub theme: Theme,
    /// Terminal size in cells (width, height), as last reported.
    pub size: (u16, u16),
    /// The pane that gets keys.
    pub focus: Pane,
    /// True when the focused pane fills the screen.
    pub zoomed: bool,
    /// The report open in the reader, if the reader is open.
    pub reader: Option<usize>,
    /// The article list.
    pub list: ArticleList,
    /// First line shown in the reader.
    pub reader_scroll: usize,
    /// The claims pane.
    pub claims: ClaimList,
    /// The comparison pane.
    pub comparison: ComparisonView,
    /// The incident (index) the comparison pane shows, to notice when it changes.
    pub comparison_incident: Option<usize>,
    /// Windows over the main screen, top last.
    pub overlays: Vec<Overlay>,
    /// A one-line message for the status bar, until the next key.
    pub status: Option<String>,
    /// The analyst's annotations of this file; `None` when the file has none to keep (the
    /// built-in sample) or they could not be read.
    pub journal: Option<Journal>,
    /// Where annotations landed, and review counts.
    pub notes: NoteView,
    /// Writes waiting for the run loop (update does no I/O).
    pub effects: Vec<super::annotation::Effect>,
    /// The editor whose text a pending write saves: given back if the write fails (a full
    /// disk), so that nothing typed is thrown away.
    pub unsaved: Option<super::input::Editor>,
    /// A text input or picker over the screen (editor, search, palette), taking the keys.
    pub input: Option<Input>,
    /// Text being selected in the reader: (anchor, cursor) byte offsets.
    pub visual: Option<(usize, usize)>,
    /// Where search queries go (the search worker), once it runs.
    pub search: Option<std::sync::mpsc::Sender<super::search_worker::Request>>,
    /// Set when the incidents changed and the claims and comparisons must be made again (the
    /// run loop starts the worker).
    pub reanalyse: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
}

impl App {
    /// A fresh view of `doc` at terminal size `size`.
    pub fn new(doc: Document, keymap: KeyMap, theme: Theme, size: (u16, u16)) -> Self {
        let list = ArticleList::new(&doc.index);
        let mut app = App {
            doc,
            keymap,
            theme,
            size,
            focus: Pane::Articles,
            zoomed: false,
            reader: None,
            list,
            reader_scroll: 0,
            claims: ClaimList::default(),
            comparison: ComparisonView::default(),
            comparison_incident: None,
            overlays: Vec::new(),
            status: None,
            journal: None,
            notes: NoteView::default(),
            effects: Vec::new(),
            unsaved: None,
            input: None,
            visual: None,
            search: None,
            reanalyse: false,
            quit: false,
        };
        // Start on the first article rather than on a heading: that is what people open.
        if let Some(first) = app
            .list
            .rows
            .iter()
            .position(|r| matches!(r, Row::Article { .. }))
        {
            app.list.selected = first;
        }
        app
    }

    /// The report under the selection in the article list.
    pub fn selected_report(&self) -> Option<usize> {
        match self.list.selected_row()? {
            Row::Article { report, .. } => Some(report),
            Row::Group(_) => None,
        }
    }

    /// The incident group under the selection.
    pub fn selected_group(&self) -> Option<usize> {
        self.list.selected_row().map(Row::group)
    }

    /// The comparison of the incident under the selection, when computed.
    pub fn selected_comparison(&self) -> Option<&Comparison> {
        let incident = self
            .doc
            .index
            .groups
            .get(self.selected_group()?)?
            .incident?;
        self.comparison.by_incident.as_ref()?.get(incident)
    }

    /// The annotation of `claim`, if it has one.
    pub fn note_of(&self, claim: &Claim) -> Option<&ClaimNote> {
        let key = self.notes.attached.key_of(&claim.id)?;
        self.journal.as_ref()?.annotations().claims.get(key)
    }

    /// What annotating `claim` changes: its annotation's key, and where it is now.
    pub fn claim_target(&self, claim: &Claim) -> Target {
        Target::Claim {
            id: self
                .notes
                .attached
                .key_of(&claim.id)
                .unwrap_or(&claim.id)
                .to_string(),
            anchor: crate::annotate::Anchor::of(claim),
        }
    }

    /// The context keys are looked up in now.
    pub fn context(&self) -> Context {
        match self.overlays.last() {
            None if self.visual.is_some() && self.focus == Pane::Reader => Context::Visual,
            None => self.focus.context(),
            Some(Overlay::SideBySide { .. }) => Context::SideBySide,
            Some(_) => Context::Help,
        }
    }
}
