//! Configuration as data: the key map and the theme, each shipped in `assets/` and overridden
//! by the user's files in the config directory.

pub mod keymap;
pub mod keys;
pub mod theme;

/// The key map and the theme in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Effective key bindings.
    pub keymap: keymap::KeyMap,
    /// Effective styles.
    pub theme: theme::Theme,
}

impl Config {
    /// The shipped defaults.
    pub fn defaults() -> Config {
        Config {
            keymap: keymap::KeyMap::defaults(),
            theme: theme::Theme::defaults(),
        }
    }
}
