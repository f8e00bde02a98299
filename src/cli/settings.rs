//! The commands about crosscheck itself: where it keeps its configuration and the defaults to
//! start one from, shell completions and the manual page, all made from the one definition
//! of the command line, so that they never drift from it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, CommandFactory, ValueEnum};

use super::{Cli, Failure, out};
use crate::config::Paths;
use crate::tui::config::{keymap::DEFAULT_KEYMAP, theme::DEFAULT_THEME};

/// `crosscheck config`'s arguments.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default key map, theme, or both, to start your own from.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "all")]
    pub print_defaults: Option<Which>,
    /// Write the defaults into the config directory as keymap.ron and theme.ron, for you to
    /// edit; a file already there is left as it is.
    #[arg(long, conflicts_with = "print_defaults")]
    pub write_defaults: bool,
}

/// Which defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// The key map (keymap.ron).
    Keymap,
    /// The theme (theme.ron).
    Theme,
    /// Both, each under a line naming its file.
    All,
}

/// `crosscheck config`.
pub fn config(args: &ConfigArgs, paths: &Paths) -> Result<ExitCode, Failure> {
    let mut stdout = out::Stdout::new();
    match args.print_defaults {
        Some(Which::Keymap) => stdout.write_all(DEFAULT_KEYMAP.as_bytes())?,
        Some(Which::Theme) => stdout.write_all(DEFAULT_THEME.as_bytes())?,
        Some(Which::All) => {
            writeln!(stdout, "// ---- {}", paths.keymap_file().display())?;
            stdout.write_all(DEFAULT_KEYMAP.as_bytes())?;
            writeln!(stdout, "\n// ---- {}", paths.theme_file().display())?;
            stdout.write_all(DEFAULT_THEME.as_bytes())?;
        }
        None if args.write_defaults => {
            for (path, text) in [
                (paths.keymap_file(), DEFAULT_KEYMAP),
                (paths.theme_file(), DEFAULT_THEME),
            ] {
                let line = write_default(&path, text)?;
                writeln!(stdout, "{line}")?;
            }
        }
        None => {
            let file = |path: &Path| {
                let state = if path.exists() {
                    ""
                } else {
                    "  (not there: the defaults apply)"
                };
                format!("{}{state}", path.display())
            };
            writeln!(stdout, "key map    {}", file(&paths.keymap_file()))?;
            writeln!(stdout, "theme      {}", file(&paths.theme_file()))?;
            writeln!(stdout, "data, log  {}", paths.data_dir.display())?;
            writeln!(
                stdout,
                "\n`crosscheck config --print-defaults` prints the defaults to start from;\n\
                 --write-defaults puts them in the config directory."
            )?;
        }
    }
    stdout.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Write `text` to `path` unless a file is there; say which.
fn write_default(path: &Path, text: &str) -> Result<String, Failure> {
    if path.exists() {
        return Ok(format!("{}: already there, left as it is", path.display()));
    }
    let cannot = |e: std::io::Error| {
        Failure::Other(anyhow::anyhow!(
            "cannot write {}: {}",
            path.display(),
            crate::text::io_reason(&e)
        ))
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(cannot)?;
    }
    crate::store::replace_file(path, text.as_bytes()).map_err(cannot)?;
    Ok(format!("{}: written", path.display()))
}

/// `crosscheck completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, Failure> {
    let mut stdout = out::Stdout::new();
    clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut stdout);
    stdout.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck man`.
pub fn man() -> Result<ExitCode, Failure> {
    let mut stdout = out::Stdout::new();
    clap_mangen::Man::new(Cli::command()).render(&mut stdout)?;
    stdout.finish()?;
    Ok(ExitCode::SUCCESS)
}
