//! Opening the TUI: the data file (or the bundled sample), the user's key map and theme,
//! the journal, and the notices to show first.

use std::path::Path;
use std::process::ExitCode;

use crate::config::Paths;
use crate::sample;
use crate::store::{self};
use crate::tui::app::Layer;
use crate::tui::app::spot::Spot;
use crate::tui::config::keymap::KeyMap;
use crate::tui::config::theme::Theme;
use crate::tui::runtime::remembered::Remembered;
use crate::tui::update::restore::restore;
use crate::tui::{self, App, Document};

use super::{Failure, annotations};

/// Open the TUI on `file`, or on the bundled sample (copied to the data directory first).
pub fn open(file: Option<&Path>, mouse: bool, paths: &Paths) -> Result<ExitCode, Failure> {
    let mut notices: Vec<String> = Vec::new();
    let doc = match file {
        Some(path) => watched(path)?,
        None => match sample::ensure_copy(&paths.data_dir) {
            Ok(copy) => {
                if copy.created {
                    notices.push(format!("Sample copied to {}", copy.path.display()));
                }
                watched(&copy.path)?
            }
            Err(e) => {
                // Browsing needs no file: fall back to the embedded text, and say so.
                tracing::warn!("cannot copy the sample: {e}");
                notices.push(format!(
                    "Sample not copied ({e}); browsing the built-in copy"
                ));
                let corpus = store::parse(sample::TEXT.as_bytes(), Path::new(sample::FILE_NAME))?;
                Document::new(corpus, format!("{} (built in)", sample::FILE_NAME))
            }
        },
    };
    tracing::info!(file = %doc.name, reports = doc.corpus.reports.len(), "opening");

    let mut config_problems: Vec<String> = Vec::new();
    let keymap = match read_optional(&paths.keymap_file())? {
        Some(text) => {
            let (map, problems) = KeyMap::with_user_file(&text, &paths.keymap_file());
            config_problems.extend(problems.map(|p| p.to_string()));
            map
        }
        None => KeyMap::defaults(),
    };
    let mut remembered = Remembered::load(&paths.state_file());
    let (config, problems) = tui::config::Config::new(
        keymap,
        remembered.theme(),
        read_optional(&paths.theme_file())?.map(|text| (text, paths.theme_file())),
        Theme::no_color_requested(),
    );
    config_problems.extend(problems.map(|p| p.to_string()));

    let journal = match file {
        Some(path) => Some(crate::annotate::Journal::open(
            path,
            annotations::user(paths),
        )?),
        None if !doc.name.ends_with("(built in)") => Some(crate::annotate::Journal::open(
            Path::new(&doc.name),
            annotations::user(paths),
        )?),
        None => None,
    };
    // The file as remembered: by its real path, however it was named on the command line.
    let remembered_as = std::fs::canonicalize(&doc.name)
        .map_or_else(|_| doc.name.clone(), |p| p.display().to_string());
    let mut app = App::new(doc, config, (80, 24));
    if let Some(spot) = remembered.spot(&remembered_as) {
        restore(&mut app, spot);
    }
    let mut journal = journal;
    let recovered = journal
        .as_mut()
        .map(crate::annotate::Journal::take_notices)
        .unwrap_or_default();
    if !recovered.is_empty() {
        app.view
            .layers
            .push(Layer::notice("Annotations recovered", recovered));
    }
    if !config_problems.is_empty() {
        for problem in &config_problems {
            tracing::warn!("{problem}");
        }
        let mut lines = vec![
            "Your configuration has problems; the defaults are used for the files below."
                .to_string(),
            String::new(),
        ];
        lines.extend(
            config_problems
                .iter()
                .flat_map(|p| p.lines().map(str::to_string)),
        );
        app.view
            .layers
            .push(Layer::notice("Configuration problems", lines));
    }
    app.view.status = notices.pop();
    let app = tui::run(app, journal, mouse)?;
    remembered.remember(&remembered_as, Spot::of(&app), app.config.theme_name);
    if let Err(e) = remembered.save(&paths.state_file()) {
        // Losing the spot loses no work: say so in the log only.
        tracing::warn!("{}: {e}", paths.state_file().display());
    }
    Ok(ExitCode::SUCCESS)
}

/// The document of the data file at `path`, with what the TUI needs to notice it change.
fn watched(path: &Path) -> Result<Document, Failure> {
    let stamp = store::Stamp::of(path);
    let loaded = store::load(path)?;
    let mut doc = Document::new(loaded.corpus, path.display().to_string());
    doc.source = Some(tui::app::Source {
        path: path.to_path_buf(),
        stamp,
        fingerprint: loaded.fingerprint,
    });
    Ok(doc)
}

fn read_optional(path: &Path) -> Result<Option<String>, Failure> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::BadInput(format!(
            "error: {}: cannot read: {e}\n  help: fix or remove the file",
            path.display()
        ))),
    }
}
