//! Update: terminal events become actions through the key map, and actions change the model
//! and the view and return [`Effect`]s for the runtime to perform. Nothing here does I/O,
//! sends on a channel or waits: what the tests drive is what the user drives.
//!
//! Keys go to the top layer's context first (a form, the search box, help…), then to the
//! focused pane's. Handlers by concern: [`navigation`], [`annotation`], [`review`],
//! [`incidents`], [`input`] (the windows that take text), [`visual`], [`mouse`], and
//! [`results`] (what the runtime hands back).

pub mod annotation;
pub mod exclusion;
pub mod fit;
pub mod incidents;
pub mod input;
pub mod list;
pub mod merge_slots;
pub mod mouse;
pub mod navigation;
pub mod restore;
pub mod results;
pub mod review;
pub mod visual;
pub mod workbench;

use ratatui::crossterm::event::{Event, KeyEventKind, MouseEventKind};

use crate::tui::action::Action;
use crate::tui::app::forms::{Field, Palette, SearchBox};
use crate::tui::app::{App, Effect, Layer, Pane};
use crate::tui::config::keys::Key;

pub use fit::fit;

/// What handling an event did.
#[derive(Debug, Default)]
pub struct Handled {
    /// The screen needs drawing again.
    pub redraw: bool,
    /// What the runtime must do.
    pub effects: Vec<Effect>,
}

/// Handle one terminal event.
pub fn handle_event(app: &mut App, event: Event) -> Handled {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.view.status = None;
            let context = app.view.context();
            let action = Key::from_event(key).and_then(|k| app.resolve(k));
            let effects = match action {
                Some(action) => update(app, action),
                None if input::takes_text(app) => {
                    let effects = input::type_key(app, key);
                    fit(app);
                    effects
                }
                None => {
                    if let Some(k) = Key::from_event(key) {
                        let help = app.key_hint(context, Action::Help, "lists the keys");
                        app.view.status = Some(format!("{k} is not bound here{help}"));
                    }
                    Vec::new()
                }
            };
            Handled {
                redraw: true,
                effects,
            }
        }
        // Over a window the wheel scrolls it, as the keys do.
        Event::Mouse(m) if app.view.covered() => {
            let action = match m.kind {
                MouseEventKind::ScrollDown => Action::MoveDown,
                MouseEventKind::ScrollUp => Action::MoveUp,
                _ => return Handled::default(),
            };
            Handled {
                redraw: true,
                effects: update(app, action),
            }
        }
        Event::Mouse(m) => Handled {
            redraw: mouse::handle(app, m),
            effects: Vec::new(),
        },
        Event::Resize(w, h) => {
            app.view.size = (w, h);
            fit(app);
            Handled {
                redraw: true,
                effects: Vec::new(),
            }
        }
        _ => Handled::default(),
    }
}

/// Carry out `action` in the context of the top layer (or the focused pane) and return what
/// the runtime must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match app.view.top() {
        None => panes(app, action, &mut fx),
        Some(Layer::Visual { .. }) => {
            if !visual::update(app, action) {
                panes(app, action, &mut fx);
            }
        }
        Some(layer) if layer.is_window_of_text() && !layer.takes_text() => {
            window(app, action, &mut fx);
        }
        Some(Layer::Sources { .. }) => workbench::sources(app, action, &mut fx),
        Some(Layer::Queue(q)) if !q.typing => workbench::queue(app, action, &mut fx),
        Some(_) => {
            // The palette hands on the action it ran.
            if let Some(chosen) = input::update(app, action, &mut fx) {
                fx.extend(update(app, chosen));
            }
        }
    }
    fit(app);
    fx
}

/// An action on the panes (no window open).
fn panes(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    if annotation::update(app, action, fx)
        || exclusion::update(app, action, fx)
        || workbench::open(app, action)
        || review::update(app, action)
        || incidents::update(app, action)
        || navigation::update(app, action)
    {
        return;
    }
    match action {
        Action::Search => app.view.layers.push(Layer::Search(SearchBox::new())),
        Action::Palette => app.view.layers.push(Layer::Palette(Palette::new())),
        Action::SideBySide => open_side_by_side(app),
        Action::Help => app.view.layers.push(Layer::help()),
        Action::Back => back(app),
        Action::Quit => fx.push(Effect::Quit),
        Action::Visual => visual::start(app),
        Action::NextHit | Action::PrevHit => walk_hits(app, action),
        Action::MergeSlot => merge_slots::open(app),
        Action::SortList => list::sort(app),
        Action::FilterList => {
            let text = app.view.list.filter.as_ref().map(|f| f.text.clone());
            annotation::open_editor(
                app,
                crate::tui::app::forms::Purpose::ListFilter,
                "Filter articles: outlet:afp date:2017-10 incident:oasis progress:todo words",
                vec![crate::tui::app::forms::Field::new(
                    "filter",
                    &text.unwrap_or_default(),
                    false,
                )],
            );
        }
        Action::ThemeDefault
        | Action::ThemeDark
        | Action::ThemeLight
        | Action::ThemeHighContrast => switch_theme(app, action),
        // Esc after a search ends the walk and closes what the walk opened, in one key.
        Action::ClearSearch => {
            app.view.found = None;
            if app.view.zoomed || app.view.reader.is_some() {
                back(app);
            }
            app.view.status = Some("search ended".into());
        }
        _ => {}
    }
}

/// Switch to a built-in theme; the user's own roles stay on top, and the choice is
/// remembered when the app quits.
fn switch_theme(app: &mut App, action: Action) {
    use crate::tui::config::theme::ThemeName;
    let name = match action {
        Action::ThemeDark => ThemeName::Dark,
        Action::ThemeLight => ThemeName::Light,
        Action::ThemeHighContrast => ThemeName::HighContrast,
        _ => ThemeName::Default,
    };
    // The user's file was checked at start: it cannot have new problems now.
    let _ = app.config.set_theme(name);
    let colourless = if app.config.no_color {
        " (without colour: NO_COLOR is set)"
    } else {
        ""
    };
    app.view.status = Some(format!("theme: {}{colourless}", name.as_str()));
}

/// n/N: the search's next or previous hit, round the list.
fn walk_hits(app: &mut App, action: Action) {
    let Some(found) = &mut app.view.found else {
        let search = app.key_hint(app.view.context(), Action::Search, "searches");
        app.view.status = Some(format!("no search to walk{search}"));
        return;
    };
    let n = found.hits.len();
    if n == 0 {
        return;
    }
    found.at = if action == Action::NextHit {
        (found.at + 1) % n
    } else {
        (found.at + n - 1) % n
    };
    let (hit, at, what) = (found.hits[found.at].clone(), found.at, found.what.clone());
    navigation::jump_to_hit(app, &hit);
    let report = &app.model.doc.corpus.reports[hit.report].id;
    app.view.status = Some(format!(
        "hit {} of {n} {what}: {} in {report}",
        at + 1,
        hit.kind.label()
    ));
}

/// Esc on the panes: undo the last thing that narrowed or covered them — the zoom, the
/// reader, the claim filter — one at a time. It never quits: that is `q`'s job, so a key
/// pressed once too often cannot end the session.
fn back(app: &mut App) {
    let view = &mut app.view;
    if view.zoomed {
        view.zoomed = false;
    } else if view.reader.is_some() {
        view.reader = None;
        // The reader was opened from the list; a claim or a slot shown in it keeps its pane.
        if view.focus == Pane::Reader {
            view.focus = Pane::Articles;
        }
    } else if view.claims.filter.is_some() && view.focus == Pane::Claims {
        view.claims.filter = None;
        view.status = Some("filter cleared".into());
    } else if view.list.filter.is_some() && view.focus == Pane::Articles {
        list::clear_filter(app);
    } else {
        let quit = app.key_hint(app.view.context(), Action::Quit, "quits");
        app.view.status = Some(format!("nothing to close{quit}"));
    }
}

/// An action on a window of text over the panes (help, a notice, side by side).
fn window(app: &mut App, action: Action, fx: &mut Vec<Effect>) {
    let page = fit::page_height(app);
    // The reports to cycle through and their passages, only for the keys that cycle.
    let (sources, passages) = if matches!(action, Action::NextSource | Action::PrevSource) {
        let passages = app.selected_comparison().map(|c| c.passages.clone());
        (
            crate::tui::layers::side_by_side::reports(app),
            passages.unwrap_or_default(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let corpus = std::sync::Arc::clone(&app.model.doc.corpus);
    let Some(top) = app.view.layers.last_mut() else {
        return;
    };
    match action {
        // Esc on a filtered help drops the filter first; `?` closes it at once.
        Action::Back
            if matches!(
                top,
                Layer::Help {
                    filter: Some(_),
                    ..
                }
            ) =>
        {
            *top = Layer::help();
        }
        Action::Back | Action::Help => {
            app.view.layers.pop();
        }
        Action::Search if matches!(top, Layer::Help { .. }) => {
            if let Layer::Help { filter, typing, .. } = top {
                filter.get_or_insert_with(|| Box::new(Field::new("filter", "", false)));
                *typing = true;
            }
        }
        Action::Quit => fx.push(Effect::Quit),
        Action::NextSource | Action::PrevSource => {
            if let Layer::SideBySide {
                left,
                right,
                rows,
                scroll,
            } = top
            {
                let others: Vec<usize> = sources.iter().copied().filter(|r| r != left).collect();
                if !others.is_empty() {
                    let at = others.iter().position(|r| r == right).unwrap_or(0);
                    let n = others.len();
                    *right = others[if action == Action::NextSource {
                        (at + 1) % n
                    } else {
                        (at + n - 1) % n
                    }];
                    *rows = crate::compare::align::align(
                        &corpus.reports[*left],
                        &corpus.reports[*right],
                        &passages,
                    );
                    *scroll = 0;
                }
            }
        }
        _ => {
            if let Some(scroll) = top.scroll_mut() {
                navigation::scroll_by(scroll, action, page);
            }
        }
    }
}

/// Open two reports of the incident side by side: the selected report (or the first) on the
/// left, the next report on the right.
fn open_side_by_side(app: &mut App) {
    let sources = crate::tui::layers::side_by_side::reports(app);
    let comparison = app.selected_comparison();
    let (Some(comparison), true) = (comparison, sources.len() >= 2) else {
        app.view.status = Some("side by side needs two reports of the incident".into());
        return;
    };
    let left = app
        .selected_report()
        .filter(|r| sources.contains(r))
        .unwrap_or(sources[0]);
    let Some(right) = sources.iter().copied().find(|&r| r != left) else {
        return;
    };
    let corpus = &app.model.doc.corpus;
    let rows = crate::compare::align::align(
        &corpus.reports[left],
        &corpus.reports[right],
        &comparison.passages,
    );
    app.view.layers.push(Layer::SideBySide {
        left,
        right,
        rows,
        scroll: 0,
    });
}
