//! What crosscheck remembers between runs, in `state.ron` in the data directory: the theme
//! chosen from the palette and, for each data file opened lately, where the analyst was.
//! It is crosscheck's own bookkeeping, not the user's work: a state file that cannot be read
//! is logged and forgotten, never a reason to refuse to start.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::tui::app::spot::Spot;
use crate::tui::config::theme::ThemeName;

/// How many data files' spots are kept, most recent first.
const KEEP: usize = 100;

/// The state file's contents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    /// The built-in theme last chosen, by name.
    pub theme: Option<String>,
    /// (data file, spot), most recently closed first.
    pub files: Vec<(String, Spot)>,
}

impl Remembered {
    /// The state at `path`; nothing remembered when there is none or it cannot be read.
    pub fn load(path: &Path) -> Remembered {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Remembered::default(),
            Err(e) => {
                tracing::warn!("{}: {e}; starting afresh", path.display());
                return Remembered::default();
            }
        };
        crate::store::ron_options()
            .from_str(&text)
            .unwrap_or_else(|e| {
                tracing::warn!("{}: {e}; starting afresh", path.display());
                Remembered::default()
            })
    }

    /// The theme remembered, if it is still a built-in one.
    pub fn theme(&self) -> ThemeName {
        self.theme
            .as_deref()
            .and_then(ThemeName::parse)
            .unwrap_or_default()
    }

    /// Where the analyst was in `file`.
    pub fn spot(&self, file: &str) -> Option<&Spot> {
        self.files.iter().find(|(f, _)| f == file).map(|(_, s)| s)
    }

    /// Remember `theme` and, for `file`, `spot` (first in the list; the oldest beyond
    /// [`KEEP`] are forgotten).
    pub fn remember(&mut self, file: &str, spot: Option<Spot>, theme: ThemeName) {
        self.theme = Some(theme.as_str().to_string());
        self.files.retain(|(f, _)| f != file);
        if let Some(spot) = spot {
            self.files.insert(0, (file.to_string(), spot));
        }
        self.files.truncate(KEEP);
    }

    /// Write the state to `path`, atomically (a crash leaves the old state or the new).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let pretty = ron::ser::PrettyConfig::default()
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        let text = ron::ser::to_string_pretty(self, pretty).map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::store::replace_file(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(report: &str) -> Spot {
        Spot {
            report: Some(report.into()),
            focus: "Claims".into(),
            ..Spot::default()
        }
    }

    #[test]
    fn spots_round_trip_most_recent_first_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        let mut state = Remembered::load(&path);
        assert_eq!(state, Remembered::default());
        for i in 0..(KEEP + 5) {
            state.remember(
                &format!("/f{i}.ron"),
                Some(spot(&format!("r{i}"))),
                ThemeName::Light,
            );
        }
        state.remember("/f3.ron", Some(spot("again")), ThemeName::Light);
        state.save(&path).unwrap();
        let back = Remembered::load(&path);
        assert_eq!(back, state);
        assert_eq!(back.files.len(), KEEP);
        assert_eq!(back.files[0].0, "/f3.ron");
        assert_eq!(
            back.spot("/f3.ron").unwrap().report.as_deref(),
            Some("again")
        );
        assert!(back.spot("/f0.ron").is_none(), "the oldest are forgotten");
        assert_eq!(back.theme(), ThemeName::Light);
    }

    #[test]
    fn a_broken_state_file_is_forgotten_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.ron");
        std::fs::write(&path, "(theme: \"light\", files: [oops").unwrap();
        assert_eq!(Remembered::load(&path), Remembered::default());
        std::fs::write(&path, "(theme: \"solarized\")").unwrap();
        assert_eq!(Remembered::load(&path).theme(), ThemeName::Default);
    }
}
