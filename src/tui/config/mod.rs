//! Configuration as data: the key map and the theme, each shipped in `assets/` and overridden
//! by the user's files in the config directory.

pub mod keymap;
pub mod keys;
pub mod theme;

use std::path::PathBuf;

use theme::{Theme, ThemeName};

/// The key map and the theme in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Effective key bindings.
    pub keymap: keymap::KeyMap,
    /// Effective styles.
    pub theme: Theme,
    /// The built-in theme under the user's file, switched from the palette.
    pub theme_name: ThemeName,
    /// The user's `theme.ron` (text and path), applied over whichever built-in theme is
    /// chosen; kept so that switching themes keeps the user's own roles.
    pub user_theme: Option<(String, PathBuf)>,
    /// NO_COLOR was asked for: every theme is drawn without colour.
    pub no_color: bool,
}

impl Config {
    /// The shipped defaults.
    pub fn defaults() -> Config {
        Config {
            keymap: keymap::KeyMap::defaults(),
            theme: Theme::defaults(),
            theme_name: ThemeName::Default,
            user_theme: None,
            no_color: false,
        }
    }

    /// Key map and built-in theme `name`, with the user's theme file on top; returns the
    /// file's problems, if any (the file is then left out).
    pub fn new(
        keymap: keymap::KeyMap,
        name: ThemeName,
        user_theme: Option<(String, PathBuf)>,
        no_color: bool,
    ) -> (Config, Option<crate::store::LoadError>) {
        let mut config = Config {
            keymap,
            theme: Theme::defaults(),
            theme_name: name,
            user_theme,
            no_color,
        };
        let problems = config.set_theme(name);
        if problems.is_some() {
            // Reported once; switching themes later must not report it again.
            config.user_theme = None;
        }
        (config, problems)
    }

    /// Switch to the built-in theme `name`, keeping the user's roles on top.
    pub fn set_theme(&mut self, name: ThemeName) -> Option<crate::store::LoadError> {
        let user = self
            .user_theme
            .as_ref()
            .map(|(text, path)| (text.as_str(), path.as_path()));
        let (theme, problems) = Theme::composed(name, user);
        self.theme = if self.no_color {
            theme.without_colour()
        } else {
            theme
        };
        self.theme_name = name;
        problems
    }
}
