//! Visual mode: select words of the article in the reader by keyboard, then make a claim of
//! them. The selection runs from an anchor to a cursor, both byte offsets in the body; it
//! always covers whole words.

use super::action::Action;
use super::input::{Candidates, Editor, Field, Input, Purpose};
use super::state::{App, Pane};
use super::text_block::{inner_height, inner_width};
use crate::annotate::{Target, Value, manual};

/// Enter visual mode at the selected claim (if it is in the reader's report) or at the first
/// sentence on screen.
pub fn start(app: &mut App) {
    let Some(r) = app.reader else {
        app.status = Some("open an article in the reader first (Enter)".into());
        return;
    };
    // The reader takes the keys, and its area (in this layout) sets where lines wrap.
    app.focus = Pane::Reader;
    let body = &app.doc.corpus.reports[r].body;
    let at = match app.claims.selected_claim() {
        Some(c) if c.report == app.doc.corpus.reports[r].id => c.span[0],
        _ => {
            let width = super::update::reader_area(app).map_or(app.size.0, inner_width);
            crate::extract::sentence_spans(body)
                .into_iter()
                .map(|s| s[0])
                .find(|&s| super::reader_pane::line_of(app, r, width, s) >= app.reader_scroll)
                .unwrap_or(0)
        }
    };
    app.visual = Some((at, at));
    app.status =
        Some("select: w/b word, )/( sentence, o swap ends, Enter make a claim, Esc cancel".into());
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

fn trim_punctuation(body: &str, start: usize, mut end: usize) -> usize {
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
    let (Some((anchor, cursor)), Some(r)) = (app.visual, app.reader) else {
        return false;
    };
    let body = app.doc.corpus.reports[r].body.clone();
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
            app.visual = Some((cursor, anchor));
            return true;
        }
        Action::MakeClaim => {
            make_claim(app, r, selection(&body, (anchor, cursor)));
            return true;
        }
        Action::Back => {
            app.visual = None;
            app.status = Some("selection cancelled".into());
            return true;
        }
        _ => return false,
    };
    app.visual = Some((anchor, cursor));
    // Keep the cursor's line on screen, as the claims pane does for a claim.
    if let Some(area) = super::update::reader_area(app) {
        let line = super::reader_pane::line_of(app, r, inner_width(area), cursor);
        if line < app.reader_scroll || line >= app.reader_scroll + inner_height(area) {
            app.reader_scroll = line.saturating_sub(2);
        }
    }
    true
}

fn make_claim(app: &mut App, r: usize, span: [usize; 2]) {
    let report = &app.doc.corpus.reports[r];
    let extracted = app
        .notes
        .extracted
        .as_ref()
        .and_then(|all| all.get(r))
        .cloned()
        .unwrap_or_default();
    let default_incident = report.incidents.first().cloned().unwrap_or_default();
    match manual::candidates(report, &extracted, span, &default_incident) {
        Some(claims) => {
            app.visual = None;
            app.input = Some(Input::Candidates(Candidates {
                report: r,
                claims,
                selected: 0,
            }));
        }
        None => app.status = Some("select some words first".into()),
    }
}

/// Save the chosen candidate as a manual claim.
pub fn accept(app: &mut App, c: Candidates) {
    let Some(claim) = c.claims.get(c.selected).cloned() else {
        return;
    };
    app.effects.push(super::annotation::Effect::Set(vec![(
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
    app.input = Some(Input::Editor(Editor {
        purpose: Purpose::SaidBy(Box::new(c)),
        title: "Who the report says said it — Enter".into(),
        fields: vec![Field::new("said by", &who, false)],
        focus: 0,
    }));
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
    app.input = Some(Input::Candidates(*c));
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
