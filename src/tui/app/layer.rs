//! The layers over the panes: windows (help, notices, two reports side by side, forms, the
//! search box, the palette, the pickers) and the reader's visual mode. They form one stack;
//! the top one takes the keys, in its own key map context.

use super::forms::{Candidates, Editor, Field, IncidentPicker, Palette, SearchBox};
use crate::compare::align::Row as AlignedRow;
use crate::tui::config::keymap::Context;

/// The help's lines, shared between the layer and its frames.
pub type HelpLines = std::sync::Arc<Vec<ratatui::text::Line<'static>>>;

/// One layer.
#[derive(Debug, Clone)]
pub enum Layer {
    /// The key list, generated from the key map.
    Help {
        /// First line shown.
        scroll: usize,
        /// What the list is narrowed to, as typed after `/`.
        filter: Option<Box<Field>>,
        /// True while the filter takes typed keys.
        typing: bool,
        /// The lines shown and the filter they were made for: made once per filter (by
        /// `fit`), not at every frame.
        shown: Option<(String, HelpLines)>,
    },
    /// A message the user must see (a failed write, problems in config files).
    Notice {
        /// Title of the window.
        title: String,
        /// The message, line by line.
        lines: Vec<String>,
        /// First line shown.
        scroll: usize,
    },
    /// Two reports of the incident side by side.
    SideBySide {
        /// The left report (corpus index).
        left: usize,
        /// The right report.
        right: usize,
        /// Their sentences aligned, computed when the pair is chosen.
        rows: Vec<AlignedRow>,
        /// First line shown.
        scroll: usize,
    },
    /// The incident's sources, one selected.
    Sources {
        /// The selected source (index into the incident's reports).
        selected: usize,
        /// First line shown.
        scroll: usize,
    },
    /// The selected slot's values in order of publication.
    Timeline {
        /// First line shown.
        scroll: usize,
    },
    /// The claims still to review.
    Queue(Box<super::queue::ReviewQueue>),
    /// Text being selected in the reader.
    Visual {
        /// Where the selection started (byte offset in the body).
        anchor: usize,
        /// Where it ends now.
        cursor: usize,
    },
    /// A form.
    Editor(Editor),
    /// The search box.
    Search(SearchBox),
    /// The command palette.
    Palette(Palette),
    /// The picker of an incident to move a report to or merge an incident into.
    Incidents(IncidentPicker),
    /// The picker of claims from a selection.
    Candidates(Candidates),
}

impl Layer {
    /// The key map context of the layer.
    pub fn context(&self) -> Context {
        match self {
            Layer::Help { typing: true, .. } => Context::Picker,
            Layer::Queue(q) if q.typing => Context::Picker,
            Layer::Queue(_) => Context::Queue,
            Layer::Sources { .. } => Context::Sources,
            Layer::Timeline { .. } => Context::Help,
            Layer::Help { .. } | Layer::Notice { .. } => Context::Help,
            Layer::SideBySide { .. } => Context::SideBySide,
            Layer::Visual { .. } => Context::Visual,
            Layer::Editor(_) => Context::Editor,
            Layer::Search(_) | Layer::Palette(_) | Layer::Incidents(_) => Context::Picker,
            Layer::Candidates(_) => Context::Candidates,
        }
    }

    /// The scroll offset of a window of text.
    pub fn scroll_mut(&mut self) -> Option<&mut usize> {
        match self {
            Layer::Help { scroll, .. }
            | Layer::Timeline { scroll }
            | Layer::Notice { scroll, .. }
            | Layer::SideBySide { scroll, .. } => Some(scroll),
            _ => None,
        }
    }

    /// The help window, unfiltered.
    pub fn help() -> Layer {
        Layer::Help {
            scroll: 0,
            filter: None,
            typing: false,
            shown: None,
        }
    }

    /// The text the help is filtered by ("" when it is not).
    pub fn help_filter(&self) -> String {
        match self {
            Layer::Help {
                filter: Some(f), ..
            } => f.text(),
            _ => String::new(),
        }
    }

    /// True when the layer takes typed text.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Layer::Editor(_)
                | Layer::Search(_)
                | Layer::Palette(_)
                | Layer::Incidents(_)
                | Layer::Help { typing: true, .. }
        ) || matches!(self, Layer::Queue(q) if q.typing)
    }

    /// True for the windows of text that scroll (help, notices, side by side); they take
    /// keys in their own context and are not forms.
    pub fn is_window_of_text(&self) -> bool {
        matches!(
            self,
            Layer::Help { .. }
                | Layer::Notice { .. }
                | Layer::SideBySide { .. }
                | Layer::Timeline { .. }
        )
    }

    /// The field typed keys go to, if any.
    pub fn field_mut(&mut self) -> Option<&mut Field> {
        match self {
            Layer::Editor(ed) => ed.fields.get_mut(ed.focus),
            Layer::Search(sb) => Some(&mut sb.query),
            Layer::Palette(p) => Some(&mut p.query),
            Layer::Incidents(p) => Some(&mut p.query),
            Layer::Help {
                filter: Some(f),
                typing: true,
                ..
            } => Some(f),
            Layer::Queue(q) if q.typing => Some(&mut q.filter),
            _ => None,
        }
    }

    /// A notice window.
    pub fn notice(title: impl Into<String>, lines: Vec<String>) -> Layer {
        Layer::Notice {
            title: title.into(),
            lines,
            scroll: 0,
        }
    }

    /// Its name in the status bar.
    pub fn title(&self) -> &'static str {
        match self {
            Layer::Help { .. } => "Help",
            Layer::Notice { .. } => "Notice",
            Layer::SideBySide { .. } => "Side by side",
            Layer::Visual { .. } => "Reader: select",
            Layer::Editor(_) => "Form",
            Layer::Search(_) => "Search",
            Layer::Palette(_) => "Commands",
            Layer::Incidents(_) => "Incidents",
            Layer::Candidates(_) => "Make a claim",
            Layer::Sources { .. } => "Sources",
            Layer::Timeline { .. } => "Timeline",
            Layer::Queue(_) => "Review queue",
        }
    }
}

/// The selected byte span: from the earlier end to the end of the word at the later one.
pub fn selection(body: &str, (anchor, cursor): (usize, usize)) -> [usize; 2] {
    let (a, b) = (anchor.min(cursor), anchor.max(cursor));
    let end = body[b.min(body.len())..]
        .find(char::is_whitespace)
        .map_or(body.len(), |i| b + i);
    let end = trim_punctuation(body, a, end);
    [a, end]
}

/// `end` moved back over punctuation that closes a phrase, not past `start`.
pub fn trim_punctuation(body: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        let c = body[..end].chars().next_back().expect("end > start");
        if matches!(c, ',' | '.' | ';' | ':' | ')' | '"' | '\u{201d}') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}
