//! The key map: which key runs which action in which context. Defaults come from
//! `assets/keymap.ron` (embedded); the user's `keymap.ron` overrides entries of it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use super::keys::Key;
use crate::store::{LoadError, Position, Problem, ProblemKind, ValueIndex};
use crate::tui::action::Action;

/// The default key map, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("../../../assets/keymap.ron");

/// Where a key is looked up. The focused pane's context first, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Everywhere.
    Global,
    /// The article list has focus.
    Articles,
    /// The reader has focus.
    Reader,
    /// The claims pane has focus.
    Claims,
    /// The comparison pane has focus.
    Comparison,
    /// The help overlay is open.
    Help,
    /// Two reports are shown side by side.
    SideBySide,
    /// Text is being selected in the reader.
    Visual,
    /// A form is open (a note, tags, an assessment, an incident, the claim filter). Keys
    /// bound here act on the form; any other key is typed into it.
    Editor,
    /// A list to choose from by typing: the search box, the command palette, the incident
    /// picker. Keys bound here act on the list; any other key is typed into the query.
    Picker,
    /// The claims that can be made of the selected text, picked by key.
    Candidates,
    /// The window of an incident's sources.
    Sources,
    /// The review queue.
    Queue,
    /// A search's hits are being walked (after Enter in the search box, until Esc): tried
    /// before the focused pane's context.
    Found,
}

impl Context {
    /// Every context, in key map file order.
    pub const ALL: [Context; 14] = [
        Context::Global,
        Context::Articles,
        Context::Reader,
        Context::Claims,
        Context::Comparison,
        Context::Help,
        Context::SideBySide,
        Context::Visual,
        Context::Editor,
        Context::Picker,
        Context::Candidates,
        Context::Sources,
        Context::Queue,
        Context::Found,
    ];

    /// Its name in key map files.
    pub fn id(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Articles => "articles",
            Context::Reader => "reader",
            Context::Claims => "claims",
            Context::Comparison => "comparison",
            Context::Help => "help",
            Context::SideBySide => "side_by_side",
            Context::Visual => "visual",
            Context::Editor => "editor",
            Context::Picker => "picker",
            Context::Candidates => "candidates",
            Context::Sources => "sources",
            Context::Queue => "queue",
            Context::Found => "found",
        }
    }

    /// Where its keys work, in words, for the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Articles => "Article list",
            Context::Reader => "Reader",
            Context::Claims => "Claims",
            Context::Comparison => "Comparison",
            Context::Help => "Help",
            Context::SideBySide => "Side by side",
            Context::Visual => "Selecting text in the reader",
            Context::Editor => "Forms",
            Context::Picker => "Search, commands, pickers",
            Context::Candidates => "Claims of the selection",
            Context::Sources => "Sources",
            Context::Queue => "Review queue",
            Context::Found => "After a search or the review queue",
        }
    }

    /// True when keys not bound here fall back to the global bindings. The windows that
    /// take text do not: there a letter is typed, not a command.
    pub fn falls_back(self) -> bool {
        !matches!(
            self,
            Context::Editor | Context::Picker | Context::Candidates | Context::Found
        )
    }
}

/// A key map file: per context, key spec → action id (or "none").
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyMapFile {
    #[serde(default)]
    global: BTreeMap<String, String>,
    #[serde(default)]
    articles: BTreeMap<String, String>,
    #[serde(default)]
    reader: BTreeMap<String, String>,
    #[serde(default)]
    claims: BTreeMap<String, String>,
    #[serde(default)]
    comparison: BTreeMap<String, String>,
    #[serde(default)]
    help: BTreeMap<String, String>,
    #[serde(default)]
    side_by_side: BTreeMap<String, String>,
    #[serde(default)]
    visual: BTreeMap<String, String>,
    #[serde(default)]
    editor: BTreeMap<String, String>,
    #[serde(default)]
    picker: BTreeMap<String, String>,
    #[serde(default)]
    candidates: BTreeMap<String, String>,
    #[serde(default)]
    sources: BTreeMap<String, String>,
    #[serde(default)]
    queue: BTreeMap<String, String>,
    #[serde(default)]
    found: BTreeMap<String, String>,
}

impl KeyMapFile {
    fn context(&self, context: Context) -> &BTreeMap<String, String> {
        match context {
            Context::Global => &self.global,
            Context::Articles => &self.articles,
            Context::Reader => &self.reader,
            Context::Claims => &self.claims,
            Context::Comparison => &self.comparison,
            Context::Help => &self.help,
            Context::SideBySide => &self.side_by_side,
            Context::Visual => &self.visual,
            Context::Editor => &self.editor,
            Context::Picker => &self.picker,
            Context::Candidates => &self.candidates,
            Context::Sources => &self.sources,
            Context::Queue => &self.queue,
            Context::Found => &self.found,
        }
    }
}

/// The effective bindings.
#[derive(Debug, Clone, Default)]
pub struct KeyMap {
    bindings: HashMap<Context, BTreeMap<Key, Action>>,
}

impl KeyMap {
    /// The shipped defaults.
    pub fn defaults() -> KeyMap {
        let mut map = KeyMap::default();
        map.apply(DEFAULT_KEYMAP, Path::new("assets/keymap.ron"))
            .expect("the shipped key map is valid (tested)");
        map
    }

    /// The defaults with the user's file applied on top. A file with problems changes
    /// nothing: the defaults stay whole and the problems are returned to be shown.
    pub fn with_user_file(text: &str, path: &Path) -> (KeyMap, Option<LoadError>) {
        let defaults = KeyMap::defaults();
        let mut trial = defaults.clone();
        match trial.apply(text, path) {
            Ok(()) => (trial, None),
            Err(e) => (defaults, Some(e)),
        }
    }

    /// Apply the entries of a key map file on top of the current bindings.
    fn apply(&mut self, text: &str, path: &Path) -> Result<(), LoadError> {
        let file: KeyMapFile = crate::store::from_ron(
            text,
            path,
            "a key map is `( global: { \"key\": \"action\", ... }, articles: {...}, ... )`; \
             see assets/keymap.ron",
        )?;
        let index = ValueIndex::build(text);
        let at = |context: Context, spec: &str| {
            index
                .offset(&format!("{}.{spec}", context.id()))
                .map(|o| Position::of_offset(text, o))
        };
        let mut problems = Vec::new();
        for context in Context::ALL {
            let mut seen: HashMap<Key, &str> = HashMap::new();
            for (spec, id) in file.context(context) {
                let key = match spec.parse::<Key>() {
                    Ok(key) => key,
                    Err(message) => {
                        problems.push(Problem::new(
                            ProblemKind::InvalidValue,
                            at(context, spec),
                            message,
                            "correct the key or remove the entry",
                        ));
                        continue;
                    }
                };
                if let Some(other) = seen.insert(key, spec) {
                    problems.push(Problem::new(
                        ProblemKind::DuplicateId,
                        at(context, spec),
                        format!(
                            "\"{spec}\" and \"{other}\" are the same key in `{}`",
                            context.id()
                        ),
                        "keep one of the two entries",
                    ));
                    continue;
                }
                let bindings = self.bindings.entry(context).or_default();
                if id == "none" {
                    bindings.remove(&key);
                    continue;
                }
                match Action::from_id(id) {
                    Some(action) => {
                        bindings.insert(key, action);
                    }
                    None => problems.push(Problem::new(
                        ProblemKind::InvalidValue,
                        at(context, spec),
                        format!("unknown action \"{id}\" for key \"{spec}\""),
                        format!(
                            "use one of: {} (or \"none\" to free the key)",
                            crate::tui::action::ACTIONS
                                .iter()
                                .map(|a| a.id)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )),
                }
            }
        }
        problems.sort_by_key(|p| p.at);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(LoadError {
                path: path.to_path_buf(),
                problems,
            })
        }
    }

    /// The action for `key` in `context`, falling back to the global bindings where the
    /// context does.
    pub fn resolve(&self, context: Context, key: Key) -> Option<Action> {
        let local = self.bindings.get(&context).and_then(|m| m.get(&key));
        local
            .or_else(|| {
                context
                    .falls_back()
                    .then(|| self.bindings.get(&Context::Global)?.get(&key))
                    .flatten()
            })
            .copied()
    }

    /// Keys that run `action` in `context` itself (not counting the global fallback),
    /// in a stable order: plain keys before those chorded with Ctrl or Alt.
    pub fn keys_in(&self, context: Context, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .bindings
            .get(&context)
            .map(|m| {
                m.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(k, _)| *k)
                    .collect()
            })
            .unwrap_or_default();
        keys.sort_by_key(|k| k.chorded());
        keys
    }

    /// The key to name for `action` in `context` (the first of [`KeyMap::keys_for`]), as
    /// written in key maps.
    pub fn key_for(&self, context: Context, action: Action) -> Option<String> {
        self.keys_for(context, action)
            .first()
            .map(ToString::to_string)
    }

    /// Keys that run `action` when `context` has focus (its own first, then global ones not
    /// shadowed by it).
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        let mut keys = self.keys_in(context, action);
        if context != Context::Global && context.falls_back() {
            for key in self.keys_in(Context::Global, action) {
                if self.resolve(context, key) == Some(action) && !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn defaults_parse_and_resolve_through_global() {
        let map = KeyMap::defaults();
        assert_eq!(
            map.resolve(Context::Articles, key("j")),
            Some(Action::MoveDown)
        );
        assert_eq!(
            map.resolve(Context::Articles, key("enter")),
            Some(Action::Open)
        );
        assert_eq!(
            map.resolve(Context::Reader, key("space")),
            Some(Action::PageDown)
        );
        assert_eq!(map.resolve(Context::Help, key("?")), Some(Action::Back));
        assert_eq!(map.resolve(Context::Global, key("?")), Some(Action::Help));
        assert_eq!(map.resolve(Context::Claims, key("Q")), None);
    }

    #[test]
    fn every_action_has_a_default_key() {
        let map = KeyMap::defaults();
        for info in crate::tui::action::ACTIONS {
            if info.action.palette_only() {
                continue;
            }
            let bound = Context::ALL
                .iter()
                .any(|c| !map.keys_in(*c, info.action).is_empty());
            assert!(bound, "{} has no key", info.id);
        }
    }

    #[test]
    fn user_entries_override_and_unbind() {
        let text = r#"( global: { "x": "quit", "j": "none" }, articles: { "o": "open" } )"#;
        let (map, problems) = KeyMap::with_user_file(text, Path::new("keymap.ron"));
        assert!(problems.is_none(), "{problems:?}");
        assert_eq!(map.resolve(Context::Global, key("x")), Some(Action::Quit));
        assert_eq!(map.resolve(Context::Global, key("j")), None);
        assert_eq!(map.resolve(Context::Articles, key("o")), Some(Action::Open));
        assert_eq!(
            map.resolve(Context::Articles, key("enter")),
            Some(Action::Open)
        );
    }

    fn problems_of(text: &str) -> String {
        let (map, problems) = KeyMap::with_user_file(text, Path::new("keymap.ron"));
        // A bad file leaves the defaults whole.
        assert_eq!(
            map.resolve(Context::Global, key("j")),
            Some(Action::MoveDown)
        );
        problems.expect("problems").to_string()
    }

    #[test]
    fn a_syntax_error_is_placed() {
        let msg = problems_of("( global: { \"j\": \"move_down\" \n \"k\" } )");
        assert!(msg.starts_with("error: keymap.ron:2:"), "{msg}");
    }

    #[test]
    fn an_unknown_context_is_named() {
        let msg = problems_of("( globl: {} )");
        assert!(
            msg.contains("keymap.ron:1:") && msg.contains("globl"),
            "{msg}"
        );
    }

    #[test]
    fn an_unknown_action_is_placed_and_lists_the_known_ones() {
        let msg = problems_of("(\n  global: {\n    \"j\": \"move_dwn\",\n  },\n)");
        assert!(
            msg.contains("keymap.ron:3:10: unknown action \"move_dwn\""),
            "{msg}"
        );
        assert!(msg.contains("move_down"), "{msg}");
    }

    #[test]
    fn a_bad_key_is_placed() {
        let msg = problems_of("( global: { \"ctrl-enterr\": \"quit\" } )");
        assert!(
            msg.contains("keymap.ron:1:") && msg.contains("`ctrl-enterr` is not a key"),
            "{msg}"
        );
    }

    #[test]
    fn two_spellings_of_one_key_conflict() {
        let msg = problems_of("( global: { \"G\": \"quit\", \"shift-g\": \"help\" } )");
        assert!(msg.contains("are the same key in `global`"), "{msg}");
    }
}
