//! The windows that take text: forms, the search box, the palette and the pickers. Keys
//! bound in their context (`editor`, `picker`, `candidates`) arrive here as actions; any
//! other key is typed into the field with the cursor.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::annotate::{Assessment, Edit, Target, Value};
use crate::tui::action::Action;
use crate::tui::app::forms::{Editor, Field, Purpose, edit, type_key as type_into};
use crate::tui::app::{App, Effect, Found, Layer, Write};
use crate::tui::config::keymap::Context;

/// True when the top layer takes typed text.
pub fn takes_text(app: &App) -> bool {
    app.view.top().is_some_and(Layer::takes_text)
}

/// Type a key no binding claimed into the top window's field.
pub fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(layer) = app.view.layers.last_mut() else {
        return Vec::new();
    };
    if !layer.field_mut().is_some_and(|f| type_into(f, key)) {
        return Vec::new();
    }
    let fx = text_changed(layer);
    super::workbench::requeue(app);
    fx
}

/// Carry out one of readline's editing actions on the top window's field. False when
/// `action` is not one or no field takes text.
pub fn edit_text(app: &mut App, action: Action, fx: &mut Vec<Effect>) -> bool {
    let Some(layer) = app.view.layers.last_mut() else {
        return false;
    };
    if !layer.field_mut().is_some_and(|f| edit(f, action)) {
        return false;
    }
    fx.extend(text_changed(layer));
    super::workbench::requeue(app);
    true
}

/// The text of the top window changed: search again, or narrow its list again.
fn text_changed(layer: &mut Layer) -> Vec<Effect> {
    match layer {
        // Quitting asks again about the text as it is now.
        Layer::Editor(ed) => ed.quit_asked = false,
        Layer::Search(sb) => {
            let q = sb.query.text();
            if q.trim().is_empty() {
                sb.hits.clear();
                sb.total = 0;
                sb.answered.clear();
                sb.busy = false;
            } else {
                sb.busy = true;
                return vec![Effect::Search(q)];
            }
        }
        Layer::Palette(p) => p.refilter(),
        Layer::Incidents(p) => p.refilter(),
        Layer::Help { scroll, .. } => *scroll = 0,
        _ => {}
    }
    Vec::new()
}

/// Move a list selection by `by` within `0..len`.
fn step(at: usize, by: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(by).min(len - 1)
}

/// The step a selection action moves by.
fn step_of(action: Action) -> Option<isize> {
    match action {
        Action::SelectNext => Some(1),
        Action::SelectPrev => Some(-1),
        _ => None,
    }
}

/// Carry out `action` on the window on top. Returns the action to carry out next, when the
/// window was the palette and the analyst chose one.
pub fn update(app: &mut App, action: Action, fx: &mut Vec<Effect>) -> Option<Action> {
    if edit_text(app, action, fx) {
        return None;
    }
    if action == Action::Quit {
        quit_from_window(app, fx);
        return None;
    }
    let layer = app.view.layers.pop()?;
    match layer {
        // The review queue's filter: Enter keeps it, Esc drops it; both give the keys back.
        Layer::Queue(mut q) => {
            match action {
                Action::Submit => q.typing = false,
                Action::Cancel => {
                    q.typing = false;
                    q.filter = Field::new("filter", "", false);
                }
                _ => {}
            }
            app.view.layers.push(Layer::Queue(q));
            super::workbench::requeue(app);
        }
        // The help's filter: Enter keeps it and gives the keys back to the list; Esc drops it.
        Layer::Help { scroll, filter, .. } => {
            let filter = match action {
                Action::Cancel => None,
                _ => filter,
            };
            let typing = !matches!(action, Action::Submit | Action::Cancel);
            app.view.layers.push(Layer::Help {
                scroll,
                filter,
                typing,
                shown: None,
            });
        }
        Layer::Editor(ed) => editor(app, ed, action, fx),
        Layer::Search(mut sb) => match action {
            Action::Submit => match sb.hits.get(sb.selected).cloned() {
                Some(hit) => {
                    super::navigation::jump_to_hit(app, &hit);
                    let next = app.key_hint(Context::Found, Action::NextHit, "next hit");
                    if let Some(status) = &mut app.view.status {
                        status.push_str(&next);
                    }
                    app.view.found = Some(Found {
                        what: format!("for \"{}\"", crate::text::sanitize(&sb.answered)),
                        at: sb.selected,
                        hits: sb.hits,
                    });
                }
                None => app.view.layers.push(Layer::Search(sb)),
            },
            Action::Cancel => {}
            _ => {
                if let Some(by) = step_of(action) {
                    sb.selected = step(sb.selected, by, sb.hits.len());
                }
                app.view.layers.push(Layer::Search(sb));
            }
        },
        Layer::Palette(mut p) => match action {
            Action::Submit => return p.matches.get(p.selected).copied(),
            Action::Cancel => {}
            _ => {
                if let Some(by) = step_of(action) {
                    p.selected = step(p.selected, by, p.matches.len());
                }
                app.view.layers.push(Layer::Palette(p));
            }
        },
        Layer::Incidents(mut p) => match action {
            Action::Submit => match p.matches.get(p.selected) {
                Some(&n) => {
                    let to = p.choices[n].0.clone();
                    super::incidents::choose(app, &p.purpose, &to, fx);
                }
                None => app.view.layers.push(Layer::Incidents(p)),
            },
            Action::Cancel => app.view.status = Some("nothing moved".into()),
            _ => {
                if let Some(by) = step_of(action) {
                    p.selected = step(p.selected, by, p.matches.len());
                }
                app.view.layers.push(Layer::Incidents(p));
            }
        },
        Layer::Candidates(mut c) => match action {
            Action::Submit => super::visual::accept(c, fx),
            Action::SaidBy => super::visual::ask_said_by(app, c),
            Action::Cancel => app.view.status = Some("no claim made".into()),
            _ => {
                if let Some(by) = step_of(action) {
                    c.selected = step(c.selected, by, c.claims.len());
                }
                app.view.layers.push(Layer::Candidates(c));
            }
        },
        other => app.view.layers.push(other),
    }
    None
}

/// An action on an open form.
fn editor(app: &mut App, mut ed: Editor, action: Action, fx: &mut Vec<Effect>) {
    ed.quit_asked = false;
    let n = ed.fields.len();
    let multiline = ed.fields.get(ed.focus).is_some_and(|f| f.multiline);
    match action {
        Action::NextField | Action::PrevField => {
            if n > 1 {
                ed.focus = if action == Action::NextField {
                    (ed.focus + 1) % n
                } else {
                    (ed.focus + n - 1) % n
                };
            }
            app.view.layers.push(Layer::Editor(ed));
        }
        // In a note, the key that accepts a one-line field starts a new line.
        Action::Submit if multiline => {
            let focus = ed.focus;
            type_into(
                &mut ed.fields[focus],
                KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            );
            app.view.layers.push(Layer::Editor(ed));
        }
        Action::Submit if ed.focus + 1 < n => {
            ed.focus += 1;
            app.view.layers.push(Layer::Editor(ed));
        }
        Action::Submit | Action::Save => save_editor(app, ed, fx),
        // Text written at length is never thrown away by closing: it is saved.
        Action::Cancel if ed.fields.iter().any(|f| f.multiline) => save_editor(app, ed, fx),
        Action::Cancel => match ed.purpose {
            Purpose::SaidBy(c) => app.view.layers.push(Layer::Candidates(*c)),
            _ => app.view.status = Some("cancelled".into()),
        },
        _ => app.view.layers.push(Layer::Editor(ed)),
    }
}

/// Save what a form holds: a journal write (carrying the form, to give it back if the write
/// fails), or a change of the view (the claim filter, the said-by of a claim being made).
pub fn save_editor(app: &mut App, editor: Editor, fx: &mut Vec<Effect>) {
    let text = |n: usize| editor.fields.get(n).map(Field::text).unwrap_or_default();
    let write = match &editor.purpose {
        Purpose::ClaimNote(target) => Write::Set(vec![(
            target.clone(),
            Value::Note(text(0).trim_end().to_string()),
        )]),
        Purpose::Tags(target, before) => {
            let after = text(0)
                .split([',', ';'])
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            Write::Edit(vec![(target.clone(), Edit::tags_between(before, &after))])
        }
        Purpose::Corrected(target) => {
            let c = text(0).trim().to_string();
            Write::Set(vec![(
                target.clone(),
                Value::Corrected((!c.is_empty()).then_some(c)),
            )])
        }
        Purpose::SourceNote(report) => Write::Set(vec![(
            Target::Source(report.clone()),
            Value::Note(text(0).trim_end().to_string()),
        )]),
        Purpose::Assessment { incident, slot } => Write::Set(vec![(
            Target::Slot {
                incident: incident.clone(),
                slot: slot.clone(),
            },
            Value::Assessment(Some(Assessment {
                best: text(0).trim().to_string(),
                range: text(1).trim().to_string(),
                rationale: text(2).trim_end().to_string(),
            })),
        )]),
        Purpose::Exclude {
            incident,
            slot,
            claim,
            exclusion,
        } => {
            let mut exclusion = exclusion.clone();
            exclusion.reason = text(0).trim().to_string();
            Write::Set(vec![(
                Target::Slot {
                    incident: incident.clone(),
                    slot: slot.clone(),
                },
                Value::Excluded(claim.clone(), Some(exclusion)),
            )])
        }
        Purpose::Filter => {
            set_filter(app, &text(0));
            return;
        }
        Purpose::ListFilter => {
            super::list::set_filter(app, &text(0));
            return;
        }
        Purpose::SaidBy(_) => return super::visual::said_by(app, editor),
        Purpose::Incident(id) => {
            let id = id.clone();
            return super::incidents::save_edit(app, &id, editor, fx);
        }
        Purpose::Split(report) => {
            let report = report.clone();
            return super::incidents::save_split(app, &report, &editor, fx);
        }
    };
    fx.push(Effect::Write {
        write,
        editor: Some(Box::new(editor)),
    });
}

/// Set the claims pane's filter from what was typed.
fn set_filter(app: &mut App, text: &str) {
    match crate::tui::app::filter::ClaimFilter::parse(text) {
        Ok(f) => {
            app.view.status = Some(match &f {
                Some(f) => format!("filter: {}", f.text),
                None => "filter cleared".into(),
            });
            let claims = &mut app.view.claims;
            claims.filter = f;
            claims.selected = 0;
            claims.offset = 0;
        }
        Err(e) => app.view.status = Some(e),
    }
}

/// Quit from a window that takes text. A form holding unsaved text asks first: the same key
/// again quits without it; every other window has nothing to lose.
fn quit_from_window(app: &mut App, fx: &mut Vec<Effect>) {
    let save = app.key_hint(Context::Editor, Action::Save, "saves");
    let quit = app.key_hint(Context::Editor, Action::Quit, "again quits without it");
    if let Some(Layer::Editor(ed)) = app.view.layers.last_mut()
        && ed.is_dirty()
        && !ed.quit_asked
    {
        ed.quit_asked = true;
        app.view.status = Some(format!("\"{}\" is not saved{save}{quit}", ed.title));
        return;
    }
    fx.push(Effect::Quit);
}
