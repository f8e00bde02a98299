//! Where crosscheck keeps things: the config directory (key map and theme overrides) and the
//! data directory (the working copy of the sample, the log).
//!
//! `CROSSCHECK_CONFIG_DIR` and `CROSSCHECK_DATA_DIR` override the platform defaults, so tests
//! and scripts never touch a user's real files.

use std::path::PathBuf;

/// Environment variable overriding the config directory.
pub const CONFIG_DIR_VAR: &str = "CROSSCHECK_CONFIG_DIR";
/// Environment variable overriding the data directory.
pub const DATA_DIR_VAR: &str = "CROSSCHECK_DATA_DIR";

/// The directories crosscheck reads and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// User overrides: `keymap.ron`, `theme.ron`.
    pub config_dir: PathBuf,
    /// Working copies and the log.
    pub data_dir: PathBuf,
}

impl Paths {
    /// The directories for this user, honouring the override variables.
    pub fn discover() -> Self {
        let dirs = directories::ProjectDirs::from("", "", "crosscheck");
        let fallback = || std::env::temp_dir().join("crosscheck");
        let from_env = |var: &str| {
            std::env::var_os(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Paths {
            config_dir: from_env(CONFIG_DIR_VAR)
                .or_else(|| dirs.as_ref().map(|d| d.config_dir().to_path_buf()))
                .unwrap_or_else(fallback),
            data_dir: from_env(DATA_DIR_VAR)
                .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
                .unwrap_or_else(fallback),
        }
    }

    /// The user's key map overrides.
    pub fn keymap_file(&self) -> PathBuf {
        self.config_dir.join("keymap.ron")
    }

    /// The user's theme overrides.
    pub fn theme_file(&self) -> PathBuf {
        self.config_dir.join("theme.ron")
    }

    /// The user's settings (`user: "name"` signs the audit log).
    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.ron")
    }

    /// The user name set in `config.ron`, if any. A file that cannot be read is logged and
    /// ignored: the name then comes from the environment.
    pub fn user_name(&self) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct Settings {
            #[serde(default)]
            user: Option<String>,
        }
        let text = std::fs::read_to_string(self.config_file()).ok()?;
        match crate::store::ron_options().from_str::<Settings>(&text) {
            Ok(s) => s.user.filter(|u| !u.trim().is_empty()),
            Err(e) => {
                tracing::warn!("{}: {e}", self.config_file().display());
                None
            }
        }
    }

    /// What is remembered between runs: the theme, and where the analyst was in each file.
    pub fn state_file(&self) -> PathBuf {
        self.data_dir.join("state.ron")
    }

    /// The log file.
    pub fn log_file(&self) -> PathBuf {
        self.data_dir.join("crosscheck.log")
    }
}
