//! Semantic styles (roles such as `selection` or `inferred`), loaded from `assets/theme.ron`,
//! then a built-in theme chosen from the palette (`assets/themes/`), then the user's
//! `theme.ron` on top, and a colourless variant for NO_COLOR.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::store::{LoadError, Position, Problem, ProblemKind, ValueIndex};

/// The default theme, as shipped.
pub const DEFAULT_THEME: &str = include_str!("../../../assets/theme.ron");

/// The built-in themes, each a partial theme over the default.
const BUILT_IN: [(ThemeName, &str); 3] = [
    (
        ThemeName::Dark,
        include_str!("../../../assets/themes/dark.ron"),
    ),
    (
        ThemeName::Light,
        include_str!("../../../assets/themes/light.ron"),
    ),
    (
        ThemeName::HighContrast,
        include_str!("../../../assets/themes/high-contrast.ron"),
    ),
];

/// A built-in theme, chosen from the palette and remembered between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// The 16 named colours: follows the terminal's own palette.
    #[default]
    Default,
    /// Tuned for dark backgrounds.
    Dark,
    /// Tuned for light backgrounds.
    Light,
    /// The strongest contrast, meaning carried by bold and underline too.
    HighContrast,
}

impl ThemeName {
    /// Every built-in theme, in palette order.
    pub const ALL: [ThemeName; 4] = [
        ThemeName::Default,
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
    ];

    /// Its name in the state file and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// The theme called `name`, if there is one.
    pub fn parse(name: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// A style as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    #[serde(default)]
    fg: Option<String>,
    #[serde(default)]
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

macro_rules! theme_roles {
    ($($role:ident: $doc:literal,)*) => {
        /// Every style the interface uses, by role.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $(#[doc = $doc] pub $role: Style,)*
        }

        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct ThemeFile {
            $(#[serde(default)] $role: Option<StyleSpec>,)*
        }

        impl Theme {
            fn apply(&mut self, text: &str, path: &Path) -> Result<(), LoadError> {
                let file: ThemeFile = crate::store::from_ron(
                    text,
                    path,
                    "a theme is `( role: (fg: \"cyan\", modifiers: [\"bold\"]), ... )`; \
                     see assets/theme.ron",
                )?;
                let index = ValueIndex::build(text);
                let mut problems = Vec::new();
                $(if let Some(spec) = &file.$role {
                    match spec.to_style() {
                        Ok(style) => self.$role = style,
                        Err(message) => problems.push(Problem::new(
                            ProblemKind::InvalidValue,
                            index.offset(stringify!($role)).map(|o| Position::of_offset(text, o)),
                            format!("{}: {message}", stringify!($role)),
                            "see assets/theme.ron for the colours and modifiers",
                        )),
                    }
                })*
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(LoadError { path: path.to_path_buf(), problems })
                }
            }

            fn map_styles(mut self, f: impl Fn(Style) -> Style) -> Self {
                $(self.$role = f(self.$role);)*
                self
            }

            fn blank() -> Self {
                Theme { $($role: Style::new(),)* }
            }
        }
    };
}

theme_roles! {
    text: "Ordinary text.",
    muted: "Secondary text: dates, counts, empty states.",
    border: "Borders of unfocused panes.",
    border_focused: "Border of the focused pane.",
    title: "Titles of unfocused panes.",
    title_focused: "Title of the focused pane.",
    selection: "The selected row in the focused pane.",
    selection_unfocused: "The selected row in other panes.",
    group_header: "Incident rows in the article list.",
    headline: "Headlines.",
    label: "Field labels (Outlet:, Published:).",
    inferred: "Metadata that is inferred, not printed in the report.",
    highlight: "The selected claim's words in the reader.",
    conflict: "Conflicting sources.",
    agree: "Sources that agree or are consistent.",
    hint_key: "Keys in the status bar and help.",
    hint: "What those keys do.",
    status_bar: "The status bar.",
    tab_focused: "The focused pane's tab in the one-pane layout.",
    warning: "Warnings.",
    error: "Errors.",
}

impl StyleSpec {
    fn to_style(&self) -> Result<Style, String> {
        let color = |c: &Option<String>| -> Result<Option<Color>, String> {
            c.as_deref()
                .map(|name| Color::from_str(name).map_err(|_| format!("`{name}` is not a colour")))
                .transpose()
        };
        let mut style = Style::new();
        if let Some(fg) = color(&self.fg)? {
            style = style.fg(fg);
        }
        if let Some(bg) = color(&self.bg)? {
            style = style.bg(bg);
        }
        for name in &self.modifiers {
            let modifier = match name.to_ascii_lowercase().as_str() {
                "bold" => Modifier::BOLD,
                "dim" => Modifier::DIM,
                "italic" => Modifier::ITALIC,
                "underlined" | "underline" => Modifier::UNDERLINED,
                "reversed" | "reverse" => Modifier::REVERSED,
                "crossed_out" | "strikethrough" => Modifier::CROSSED_OUT,
                "slow_blink" => Modifier::SLOW_BLINK,
                _ => return Err(format!("`{name}` is not a modifier")),
            };
            style = style.add_modifier(modifier);
        }
        Ok(style)
    }
}

impl Theme {
    /// The shipped default theme.
    pub fn defaults() -> Theme {
        let mut theme = Theme::blank();
        theme
            .apply(DEFAULT_THEME, Path::new("assets/theme.ron"))
            .expect("the shipped theme is valid (tested)");
        theme
    }

    /// The built-in theme `name`: the default with its roles on top.
    pub fn built_in(name: ThemeName) -> Theme {
        let mut theme = Theme::defaults();
        if let Some((_, text)) = BUILT_IN.iter().find(|(n, _)| *n == name) {
            let path = format!("assets/themes/{}.ron", name.as_str());
            theme
                .apply(text, Path::new(&path))
                .expect("the built-in themes are valid (tested)");
        }
        theme
    }

    /// The defaults with the user's theme file applied. A file with problems changes nothing.
    pub fn with_user_file(text: &str, path: &Path) -> (Theme, Option<LoadError>) {
        Theme::composed(ThemeName::Default, Some((text, path)))
    }

    /// The built-in theme `name` with the user's theme file, if any, on top. A file with
    /// problems changes nothing, and its problems are returned.
    pub fn composed(name: ThemeName, user: Option<(&str, &Path)>) -> (Theme, Option<LoadError>) {
        let base = Theme::built_in(name);
        let Some((text, path)) = user else {
            return (base, None);
        };
        let mut trial = base.clone();
        match trial.apply(text, path) {
            Ok(()) => (trial, None),
            Err(e) => (base, Some(e)),
        }
    }

    /// The same theme without colours, for NO_COLOR: meaning stays in bold, reversed,
    /// underlined and the symbols the panes draw.
    pub fn without_colour(self) -> Theme {
        self.map_styles(|s| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        })
    }

    /// True when the NO_COLOR convention asks for no colour (set and not empty).
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_mark_selection_without_colour() {
        let theme = Theme::defaults();
        assert!(theme.selection.add_modifier.contains(Modifier::REVERSED));
        let mono = theme.without_colour();
        assert_eq!(mono.border_focused.fg, None);
        assert!(mono.selection.add_modifier.contains(Modifier::REVERSED));
        assert!(mono.title_focused.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn built_in_themes_load_differ_and_parse_by_name() {
        for name in ThemeName::ALL {
            assert_eq!(ThemeName::parse(name.as_str()), Some(name));
            let theme = Theme::built_in(name);
            if name != ThemeName::Default {
                assert_ne!(theme, Theme::defaults(), "{name:?}");
            }
        }
        assert_eq!(ThemeName::parse("solarized"), None);
        // The user's file applies over the built-in theme, role by role.
        let (theme, problems) = Theme::composed(
            ThemeName::Light,
            Some(("(border: (fg: \"red\"))", Path::new("theme.ron"))),
        );
        assert!(problems.is_none());
        assert_eq!(theme.border.fg, Some(Color::Red));
        assert_eq!(theme.conflict, Theme::built_in(ThemeName::Light).conflict);
    }

    #[test]
    fn user_roles_override_one_by_one() {
        let (theme, problems) =
            Theme::with_user_file("(border: (fg: \"#ff0000\"))", Path::new("theme.ron"));
        assert!(problems.is_none());
        assert_eq!(theme.border.fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(theme.selection, Theme::defaults().selection);
    }

    #[test]
    fn bad_theme_files_are_explained() {
        let cases = [
            ("(bordr: ())", "bordr"),
            (
                "(border: (fg: \"chartreuse-ish\"))",
                "`chartreuse-ish` is not a colour",
            ),
            (
                "(border: (modifiers: [\"blink-fast\"]))",
                "`blink-fast` is not a modifier",
            ),
            ("(border: (fg: 3))", "theme.ron:1:"),
        ];
        for (text, expected) in cases {
            let (theme, problems) = Theme::with_user_file(text, Path::new("theme.ron"));
            assert_eq!(theme, Theme::defaults());
            let message = problems.expect(text).to_string();
            assert!(message.contains(expected), "{text}: {message}");
            assert!(
                message.starts_with("error: theme.ron:1:"),
                "{text}: {message}"
            );
        }
    }
}
