//! The view state: how the model is looked at — terminal size, focus, selections, scroll
//! offsets and the stack of layers over the panes. `update` changes it; drawing only reads it.

use crate::article_index::ArticleIndex;

use super::filter::ClaimFilter;
use super::layer::Layer;
use crate::tui::config::keymap::Context;

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

/// Whether the reader is open, and what shares the screen with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderShown {
    /// The reader is closed.
    Closed,
    /// Open beside the list and the claims.
    Open,
    /// Open from the comparison (a slot's value shown in its text): the comparison stays on
    /// screen beside it, so walking a slot never loses the slot.
    BesideComparison,
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
    /// The order chosen.
    pub order: super::arrange::ListOrder,
    /// The filter in force, if any.
    pub filter: Option<super::arrange::ListFilter>,
    /// (group, reports) as ordered and filtered; `None`: the index as filed, all of it.
    pub arranged: Option<Vec<(usize, Vec<usize>)>>,
    /// By group, how many of its reports are listed, when arranged (empty otherwise).
    pub listed: Vec<usize>,
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
        self.listed.clear();
        if let Some(arranged) = &self.arranged {
            self.listed.resize(index.groups.len(), 0);
            for (g, reports) in arranged {
                if let Some(n) = self.listed.get_mut(*g) {
                    *n = reports.len();
                }
            }
        }
        let groups: Box<dyn Iterator<Item = (usize, &[usize])>> = match &self.arranged {
            Some(arranged) => Box::new(arranged.iter().map(|(g, r)| (*g, r.as_slice()))),
            None => Box::new(
                index
                    .groups
                    .iter()
                    .enumerate()
                    .map(|(g, group)| (g, group.reports.as_slice())),
            ),
        };
        for (g, reports) in groups {
            self.rows.push(Row::Group(g));
            if !self.collapsed[g] {
                self.rows.extend(
                    reports
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

/// The claims pane's view state.
#[derive(Debug, Clone, Default)]
pub struct ClaimView {
    /// The report whose claims are listed (follows the article list).
    pub report: Option<usize>,
    /// Index into `shown` of the selected claim.
    pub selected: usize,
    /// Index into `shown` of the first claim on screen.
    pub offset: usize,
    /// The filter in force, if any.
    pub filter: Option<ClaimFilter>,
    /// Indices into the report's claims of those the filter lets through, in order; `fit`
    /// keeps it current.
    pub shown: Vec<usize>,
    /// The listed report's tally of victims for its main incident, kept with `shown`.
    pub tally: Option<crate::extract::tally::Tally>,
    /// A claim to select once the claims are known (a spot remembered from the last run).
    pub pending: Option<String>,
}

/// The comparison pane's view state.
#[derive(Debug, Clone, Default)]
pub struct ComparisonView {
    /// The incident (corpus index) shown, to notice when it changes.
    pub incident: Option<usize>,
    /// The selected slot of the incident shown.
    pub selected: usize,
    /// First line shown.
    pub scroll: usize,
    /// Which value of the selected slot Enter shows next.
    pub next_value: usize,
    /// True when the pane was scrolled past its first or last slot (to the incident's header,
    /// its origins, or the flags below the slots): the selected slot need not be on screen.
    pub free: bool,
    /// A slot to select once the comparisons are known (a spot remembered from the last run).
    pub pending: Option<usize>,
    /// The matrix's first source column shown (sources that do not fit scroll sideways).
    pub column: usize,
}

/// A search whose hits are walked with n and N.
#[derive(Debug, Clone)]
pub struct Found {
    /// What the hits are, for messages: `for "hasm"`, `in the review queue`.
    pub what: String,
    /// Its hits, best first.
    pub hits: Vec<super::forms::SearchHit>,
    /// The hit shown.
    pub at: usize,
}

/// How the model is looked at.
#[derive(Debug, Clone)]
pub struct View {
    /// Terminal size in cells (width, height), as last reported.
    pub size: (u16, u16),
    /// The pane that gets keys when no layer is open.
    pub focus: Pane,
    /// True when the focused pane fills the screen.
    pub zoomed: bool,
    /// The report open in the reader, if the reader is open.
    pub reader: Option<usize>,
    /// First line shown in the reader.
    pub reader_scroll: usize,
    /// The reader was opened from the comparison, which stays beside it.
    pub reader_beside_comparison: bool,
    /// The article list.
    pub list: ArticleList,
    /// The claims pane.
    pub claims: ClaimView,
    /// The comparison pane.
    pub comparison: ComparisonView,
    /// Windows and modes over the panes, top last; the top one takes the keys.
    pub layers: Vec<Layer>,
    /// A one-line message for the status bar, until the next key.
    pub status: Option<String>,
    /// The claim marked for linking.
    pub link_mark: Option<String>,
    /// The search whose hits are being walked, if any.
    pub found: Option<Found>,
}

impl View {
    /// The view of a fresh document at terminal size `size`, on its first article.
    pub fn new(index: &ArticleIndex, size: (u16, u16)) -> Self {
        let mut list = ArticleList::new(index);
        // Start on the first article rather than on a heading: that is what people open.
        if let Some(first) = list
            .rows
            .iter()
            .position(|r| matches!(r, Row::Article { .. }))
        {
            list.selected = first;
        }
        View {
            size,
            focus: Pane::Articles,
            zoomed: false,
            reader: None,
            reader_scroll: 0,
            reader_beside_comparison: false,
            list,
            claims: ClaimView::default(),
            comparison: ComparisonView::default(),
            layers: Vec::new(),
            status: None,
            link_mark: None,
            found: None,
        }
    }

    /// Whether the reader is shown, and beside what.
    pub fn reader_shown(&self) -> ReaderShown {
        match (self.reader, self.reader_beside_comparison) {
            (None, _) => ReaderShown::Closed,
            (Some(_), false) => ReaderShown::Open,
            (Some(_), true) => ReaderShown::BesideComparison,
        }
    }

    /// The layer on top, which takes the keys.
    pub fn top(&self) -> Option<&Layer> {
        self.layers.last()
    }

    /// The reader's selection in visual mode: (anchor, cursor) byte offsets.
    pub fn visual(&self) -> Option<(usize, usize)> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Visual { anchor, cursor } => Some((*anchor, *cursor)),
            _ => None,
        })
    }

    /// True when a window covers the panes (visual mode does not: it is the reader's).
    pub fn covered(&self) -> bool {
        self.layers
            .iter()
            .any(|l| !matches!(l, Layer::Visual { .. }))
    }

    /// The context of the keys that walk a search's hits, when they are live: no window
    /// open and a search's hits kept.
    pub fn found_context(&self) -> Option<Context> {
        (self.layers.is_empty() && self.found.is_some()).then_some(Context::Found)
    }

    /// The context keys are looked up in now.
    pub fn context(&self) -> Context {
        match self.top() {
            None => self.focus.context(),
            Some(layer) => layer.context(),
        }
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
}
