//! Keys as written in key map files ("j", "ctrl-c", "shift-tab", "pagedown") and as terminals
//! send them, normalised so the two compare equal.
//!
//! Terminals disagree on Shift: "G" may arrive as `G` or as Shift+`G`, Shift+Tab as BackTab
//! with or without Shift; Ctrl+I, Ctrl+M, Ctrl+[ and Ctrl+H are the same bytes as Tab, Enter,
//! Esc and Backspace on most terminals. Normalising both sides here keeps that out of the rest.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A normalised key: a code and the modifiers that matter for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    mods: u8,
}

impl Key {
    /// True when the key is pressed with Ctrl or Alt: hints show plain keys before these.
    pub fn chorded(self) -> bool {
        self.mods & (CTRL | ALT) != 0
    }
}

/// `KeyCode` is not `Ord`; this wraps what we need of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(u8),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

const ALIASES: &[(&str, &str)] = &[
    ("return", "enter"),
    ("escape", "esc"),
    ("pgup", "pageup"),
    ("pgdn", "pagedown"),
    ("pgdown", "pagedown"),
    ("del", "delete"),
    ("ins", "insert"),
    ("bs", "backspace"),
];

const CTRL: u8 = 1;
const ALT: u8 = 2;
const SHIFT: u8 = 4;

impl Key {
    /// The key a terminal event stands for.
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        let mut mods = 0;
        if event.modifiers.contains(KeyModifiers::CONTROL) {
            mods |= CTRL;
        }
        if event.modifiers.contains(KeyModifiers::ALT) {
            mods |= ALT;
        }
        if event.modifiers.contains(KeyModifiers::SHIFT) {
            mods |= SHIFT;
        }
        let code = match event.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMED.iter().position(|(_, k)| *k == other)? as u8),
        };
        Some(Key { code, mods }.normalised())
    }

    fn named(name: &str) -> KeyCodeOrd {
        KeyCodeOrd::Named(
            NAMED
                .iter()
                .position(|(n, _)| *n == name)
                .expect("known name") as u8,
        )
    }

    fn normalised(mut self) -> Key {
        match self.code {
            KeyCodeOrd::Char(c) if self.mods & SHIFT != 0 => {
                // Shift is already in the character: "G", "?", "+".
                self.code = KeyCodeOrd::Char(c.to_uppercase().next().unwrap_or(c));
                self.mods &= !SHIFT;
            }
            KeyCodeOrd::Char(c) if self.mods & CTRL != 0 => {
                let same_as = match c.to_ascii_lowercase() {
                    'i' => Some("tab"),
                    'm' => Some("enter"),
                    '[' => Some("esc"),
                    'h' => Some("backspace"),
                    _ => None,
                };
                if let Some(name) = same_as {
                    self.code = Key::named(name);
                    self.mods &= !CTRL;
                }
            }
            _ => {}
        }
        if self.code == Key::named("tab") && self.mods & SHIFT != 0 {
            self.code = Key::named("backtab");
        }
        if self.code == Key::named("backtab") {
            self.mods &= !SHIFT;
        }
        self
    }
}

impl FromStr for Key {
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "`{spec}` is not a key; write a character (\"j\", \"?\"), a name (enter, esc, tab, \
                 space, up, pagedown, f1…) with optional ctrl-, alt-, shift- before it"
            )
        };
        let mut mods = 0;
        let mut rest = spec;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (CTRL, 5)
            } else if lower.starts_with("alt-") {
                (ALT, 4)
            } else if lower.starts_with("shift-") {
                (SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break; // "ctrl-" alone is not a modifier but the key "-" after "ctrl".
            }
            mods |= flag;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(bad()),
            (Some(c), None) => KeyCodeOrd::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                let name = ALIASES
                    .iter()
                    .find(|(a, _)| *a == lower)
                    .map_or(lower.as_str(), |(_, n)| n);
                if name == "space" {
                    KeyCodeOrd::Char(' ')
                } else if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=24).contains(&n) {
                        return Err(bad());
                    }
                    KeyCodeOrd::F(n)
                } else if NAMED.iter().any(|(n, _)| *n == name) {
                    Key::named(name)
                } else {
                    return Err(bad());
                }
            }
        };
        Ok(Key { code, mods }.normalised())
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods & CTRL != 0 {
            f.write_str("ctrl-")?;
        }
        if self.mods & ALT != 0 {
            f.write_str("alt-")?;
        }
        if self.mods & SHIFT != 0 {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "f{n}"),
            KeyCodeOrd::Named(i) if NAMED[i as usize].0 == "backtab" => f.write_str("shift-tab"),
            KeyCodeOrd::Named(i) => f.write_str(NAMED[i as usize].0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn event(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut e = KeyEvent::new(code, mods);
        e.kind = KeyEventKind::Press;
        Key::from_event(e).unwrap()
    }

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn specs_round_trip_through_display() {
        for spec in [
            "j",
            "G",
            "?",
            "-",
            "+",
            "space",
            "enter",
            "esc",
            "shift-tab",
            "ctrl-c",
            "alt-x",
            "ctrl-alt-d",
            "pageup",
            "pagedown",
            "f5",
            "ctrl--",
            "home",
            "backspace",
        ] {
            assert_eq!(key(spec).to_string(), spec, "{spec}");
            assert_eq!(key(&key(spec).to_string()), key(spec));
        }
    }

    #[test]
    fn spellings_normalise_to_one_key() {
        assert_eq!(key("shift-g"), key("G"));
        assert_eq!(key("backtab"), key("shift-tab"));
        assert_eq!(key("pgdn"), key("pagedown"));
        assert_eq!(key("CTRL-c"), key("ctrl-c"));
        assert_eq!(key("ctrl-i"), key("tab"));
        assert_eq!(key("ctrl-m"), key("enter"));
    }

    #[test]
    fn terminal_events_match_specs_however_shift_arrives() {
        assert_eq!(event(KeyCode::Char('G'), KeyModifiers::SHIFT), key("G"));
        assert_eq!(event(KeyCode::Char('G'), KeyModifiers::NONE), key("G"));
        assert_eq!(event(KeyCode::Char('?'), KeyModifiers::SHIFT), key("?"));
        assert_eq!(
            event(KeyCode::BackTab, KeyModifiers::SHIFT),
            key("shift-tab")
        );
        assert_eq!(event(KeyCode::Tab, KeyModifiers::SHIFT), key("shift-tab"));
        assert_eq!(
            event(KeyCode::Char('c'), KeyModifiers::CONTROL),
            key("ctrl-c")
        );
        assert_eq!(event(KeyCode::Char(' '), KeyModifiers::NONE), key("space"));
    }

    #[test]
    fn nonsense_is_refused() {
        for spec in ["", "ctrl-", "enterr", "f99", "hyper-x"] {
            assert!(spec.parse::<Key>().is_err(), "{spec}");
        }
    }
}
