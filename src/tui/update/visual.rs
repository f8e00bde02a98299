//! Visual mode: select words of the article in the reader by keyboard, then make a claim of
//! them. The selection runs from an anchor to a cursor, both byte offsets in the body; it
//! always covers whole words.

use super::annotation::NO_JOURNAL;
use super::fit::reader_area;
use crate::annotate::{Target, Value, manual};
use crate::tui::action::Action;
use crate::tui::app::forms::{Candidates, Editor, Field, Purpose};
use crate::tui::app::layer::{selection, trim_punctuation};
use crate::tui::app::{App, Effect, Layer, Pane};
use crate::tui::config::keymap::Context;
use crate::tui::panes::reader::line_of;
use crate::tui::panes::text_block::{inner_height, inner_width};

/// Enter visual mode at the selected claim (if it is in the reader's report) or at the first
/// sentence on screen.
pub fn start(app: &mut App) {
    if !app.annotating() {
        app.view.status = Some(NO_JOURNAL.into());
        return;
    }
    let Some(r) = app.view.reader else {
        let hint = app.key_hint(Context::Articles, Action::Open, "");
        app.view.status = Some(format!("open an article in the reader first{hint}"));
        return;
    };
    // The reader takes the keys, and its area (in this layout) sets where lines wrap.
    app.view.focus = Pane::Reader;
    let body = &app.model.doc.corpus.reports[r].body;
    let at = match app.selected_claim() {
        Some(c) if c.report == app.model.doc.corpus.reports[r].id => c.span[0],
        _ => {
            let width = reader_area(app).map_or(app.view.size.0, inner_width);
            crate::extract::sentence_spans(body)
                .into_iter()
                .map(|s| s[0])
                .find(|&s| line_of(app, r, width, s) >= app.view.reader_scroll)
                .unwrap_or(0)
        }
    };
    app.view.layers.push(Layer::Visual {
        anchor: at,
        cursor: at,
    });
}

fn next_word(body: &str, at: usize) -> usize {
    let rest = &body[at..];
    let after_word = rest
        .find(char::is_whitespace)
        .map_or(body.len(), |i| at + i);
    body[after_word..]
        .find(|c: char| !c.is_whitespace())
        .map_or(at, |i| after_word + i)
}

fn prev_word(body: &str, at: usize) -> usize {
    let before = body[..at].trim_end_matches(char::is_whitespace);
    before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Carry out a visual-mode action. Returns false when `action` is not one.
pub fn update(app: &mut App, action: Action) -> bool {
    let (Some((anchor, cursor)), Some(r)) = (app.view.visual(), app.view.reader) else {
        return false;
    };
    let body = app.model.doc.corpus.reports[r].body.clone();
    let sentences = crate::extract::sentence_spans(&body);
    let cursor = match action {
        Action::WordNext => next_word(&body, cursor),
        Action::WordPrev => prev_word(&body, cursor),
        Action::SentenceNext => sentences
            .iter()
            .find(|s| s[1] > cursor + 1)
            .map_or(cursor, |s| {
                prev_word(&body, trim_punctuation(&body, s[0], s[1]))
            }),
        Action::SentencePrev => sentences
            .iter()
            .rev()
            .find(|s| s[0] < cursor)
            .map_or(0, |s| s[0]),
        Action::SwapEnds => {
            set_selection(app, cursor, anchor);
            return true;
        }
        Action::MakeClaim => {
            make_claim(app, r, selection(&body, (anchor, cursor)));
            return true;
        }
        Action::Back => {
            app.view.layers.pop();
            app.view.status = Some("selection cancelled".into());
            return true;
        }
        // Scrolling, help and the rest act as on the reader; the selection stays.
        _ => return false,
    };
    set_selection(app, anchor, cursor);
    // Keep the cursor's line on screen, as the claims pane does for a claim.
    if let Some(area) = reader_area(app) {
        let line = line_of(app, r, inner_width(area), cursor);
        let view = &mut app.view;
        if line < view.reader_scroll || line >= view.reader_scroll + inner_height(area) {
            view.reader_scroll = line.saturating_sub(2);
        }
    }
    true
}

/// Put the selection's ends in the visual layer.
fn set_selection(app: &mut App, anchor: usize, cursor: usize) {
    if let Some(Layer::Visual {
        anchor: a,
        cursor: c,
    }) = app.view.layers.last_mut()
    {
        (*a, *c) = (anchor, cursor);
    }
}

fn make_claim(app: &mut App, r: usize, span: [usize; 2]) {
    let report = &app.model.doc.corpus.reports[r];
    let extracted = app
        .model
        .notes
        .extracted
        .as_ref()
        .and_then(|all| all.get(r))
        .cloned()
        .unwrap_or_default();
    let default_incident = report.incidents.first().cloned().unwrap_or_default();
    match manual::candidates(report, &extracted, span, &default_incident) {
        Some(claims) => {
            app.view.layers.pop();
            app.view.layers.push(Layer::Candidates(Candidates {
                report: r,
                claims,
                selected: 0,
            }));
        }
        None => app.view.status = Some("select some words first".into()),
    }
}

/// Save the chosen candidate as a manual claim.
pub fn accept(c: Candidates, fx: &mut Vec<Effect>) {
    let Some(claim) = c.claims.get(c.selected).cloned() else {
        return;
    };
    fx.push(Effect::set(vec![(
        Target::Manual(claim.id.clone()),
        Value::Manual(Some(Box::new(claim))),
    )]));
}

/// Ask who said the candidate.
pub fn ask_said_by(app: &mut App, c: Candidates) {
    let who = c
        .claims
        .get(c.selected)
        .map(|x| x.attribution.text.clone())
        .unwrap_or_default();
    app.view.layers.push(Layer::Editor(Editor::new(
        Purpose::SaidBy(Box::new(c)),
        "Who the report says said it",
        vec![Field::new("said by", &who, false)],
    )));
}

/// The said-by editor closed: put the source on the candidate and show the picker again.
pub fn said_by(app: &mut App, editor: Editor) {
    let Purpose::SaidBy(mut c) = editor.purpose else {
        return;
    };
    let who = editor.fields.first().map(Field::text).unwrap_or_default();
    let lex = crate::extract::Extractor::default();
    if let Some(claim) = c.claims.get_mut(c.selected) {
        *claim = manual::said_by(claim.clone(), &who, lex.lexicon());
    }
    app.view.layers.push(Layer::Candidates(*c));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_selection() {
        let body = "At least 35 police, officials said. Then more.";
        assert_eq!(next_word(body, 0), 3);
        assert_eq!(next_word(body, 3), 9);
        assert_eq!(prev_word(body, 9), 3);
        assert_eq!(prev_word(body, 3), 0);
        // Through "police," without its comma.
        assert_eq!(selection(body, (0, 12)), [0, 18]);
        assert_eq!(selection(body, (12, 0)), [0, 18]);
    }
}
