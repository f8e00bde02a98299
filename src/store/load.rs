//! Reading a data file: bytes → UTF-8 → version check → typed corpus → validation, each step
//! turning what is wrong into a [`Problem`] with the place it applies.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::locate::ValueIndex;
use super::problem::{LoadError, Position, Problem, ProblemKind};
use crate::model::{CURRENT_VERSION, Corpus};

/// Where to look for the format's description; every syntax message points there.
pub const FORMAT_DOC: &str = "docs/data-format.md";

/// The length and a hash of a file's bytes, to notice when someone else changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// Fingerprint of these bytes.
    pub fn of(bytes: &[u8]) -> Self {
        // SipHash with fixed keys: stable within a build, which is all a session needs.
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Fingerprint {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
}

/// A corpus read from a file, with what the file held when it was read.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The data.
    pub corpus: Corpus,
    /// The file it came from.
    pub path: PathBuf,
    /// The file's bytes at load time; saving checks it to refuse clobbering others' changes.
    pub fingerprint: Fingerprint,
}

/// Read, parse and validate the data file at `path`. Never writes anything.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = super::files::read_regular(path, super::files::MAX_FILE_BYTES).map_err(|e| {
        use super::files::ReadError;
        let problem = match e {
            ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => Problem::new(
                ProblemKind::Missing,
                None,
                "no such file",
                "check the path; run `crosscheck` with no file to open the bundled sample, or \
                 `crosscheck import FILE ...` to create a data file",
            ),
            ReadError::Io(e) => Problem::new(
                ProblemKind::Unreadable,
                None,
                format!("cannot read the file: {}", crate::text::io_reason(&e)),
                "check that it is a file you may read",
            ),
            ReadError::NotRegular => Problem::new(
                ProblemKind::Unreadable,
                None,
                "not a regular file (a directory, a pipe or a device)",
                "give the path of a data file (.ron)",
            ),
            ReadError::TooLarge => Problem::new(
                ProblemKind::Unreadable,
                None,
                format!("larger than {} MiB", super::files::MAX_FILE_BYTES >> 20),
                "split the reports into several data files",
            ),
        };
        LoadError::single(path, problem)
    })?;
    let corpus = parse(&bytes, path)?;
    Ok(Loaded {
        corpus,
        path: path.to_path_buf(),
        fingerprint: Fingerprint::of(&bytes),
    })
}

/// The RON options data files are read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parse and validate data-file bytes; `path` is only used in messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Corpus, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = Position::of_byte_offset(bytes, e.valid_up_to());
        let byte = bytes[e.valid_up_to()];
        LoadError::single(
            path,
            Problem::new(
                ProblemKind::NotUtf8,
                Some(at),
                format!("the file is not UTF-8 text (byte 0x{byte:02X} here)"),
                "save the file as UTF-8; data files are always UTF-8",
            ),
        )
    })?;
    // Editors on Windows like to start UTF-8 files with a byte-order mark; it carries nothing.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    check_version(text, path)?;
    let corpus: Corpus = from_ron(text, path, &syntax_help())?;
    let problems = validate(&corpus, text);
    if problems.is_empty() {
        Ok(corpus)
    } else {
        Err(LoadError {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// Deserialize RON `text` with the data-file options; a syntax or shape error becomes a
/// [`Problem`] placed where the parser stopped, with `help` saying what to do.
pub fn from_ron<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
    help: &str,
) -> Result<T, LoadError> {
    ron_options().from_str(text).map_err(|e| {
        let at = Position {
            line: e.span.start.line,
            col: e.span.start.col,
        };
        LoadError::single(
            path,
            Problem::new(ProblemKind::Syntax, Some(at), e.code.to_string(), help),
        )
    })
}

fn syntax_help() -> String {
    format!("correct the data file there; {FORMAT_DOC} describes the format")
}

/// Read only `version` first, so a file from a newer crosscheck gets "update crosscheck"
/// instead of a confusing message about a field this build does not know.
fn check_version(text: &str, path: &Path) -> Result<(), LoadError> {
    // Named as the data file's top level is named in messages and in the format's description,
    // not by this probe's name.
    #[derive(Deserialize)]
    #[serde(rename = "Corpus")]
    struct VersionOnly {
        version: Option<u32>,
    }
    let probe: VersionOnly = from_ron(text, path, &syntax_help())?;
    let at = || {
        ValueIndex::build(text)
            .offset("version")
            .map(|o| Position::of_offset(text, o))
    };
    match probe.version {
        Some(CURRENT_VERSION) => Ok(()),
        None => Err(LoadError::single(
            path,
            Problem::new(
                ProblemKind::UnknownVersion,
                Some(Position { line: 1, col: 1 }),
                "the file has no `version`",
                format!("add `version: {CURRENT_VERSION},` as the first field"),
            ),
        )),
        Some(v) if v > CURRENT_VERSION => Err(LoadError::single(
            path,
            Problem::new(
                ProblemKind::UnknownVersion,
                at(),
                format!(
                    "format version {v} is newer than this crosscheck reads (up to {CURRENT_VERSION})"
                ),
                "update crosscheck to open this file",
            ),
        )),
        Some(v) => Err(LoadError::single(
            path,
            Problem::new(
                ProblemKind::UnknownVersion,
                at(),
                format!("unknown format version {v}"),
                format!("versions start at 1; this crosscheck reads version {CURRENT_VERSION}"),
            ),
        )),
    }
}

/// Check what the types cannot: unique ids, references that resolve, non-empty texts.
/// `src` is the text the corpus came from, used to place each problem.
pub fn validate(corpus: &Corpus, src: &str) -> Vec<Problem> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut first_seen: HashMap<(&'static str, &str), String> = HashMap::new();

    for (i, incident) in corpus.incidents.iter().enumerate() {
        let path = format!("incidents[{i}].id");
        check_id(
            &mut findings,
            &mut first_seen,
            "incident",
            &incident.id,
            path,
        );
    }
    for (i, report) in corpus.reports.iter().enumerate() {
        let path = format!("reports[{i}].id");
        check_id(&mut findings, &mut first_seen, "report", &report.id, path);
    }

    let mut known: Vec<&str> = corpus.incidents.iter().map(|x| x.id.as_str()).collect();
    known.sort_unstable();
    for (i, report) in corpus.reports.iter().enumerate() {
        for (j, reference) in report.incidents.iter().enumerate() {
            let path = format!("reports[{i}].incidents[{j}]");
            if known.binary_search(&reference.as_str()).is_err() {
                let listed = if known.is_empty() {
                    "the file has no incidents yet".to_string()
                } else {
                    format!("known incidents: {}", abbreviate(&known, 6))
                };
                findings.push(Finding::new(
                    ProblemKind::DanglingReference,
                    path,
                    format!(
                        "report \"{}\" names incident \"{reference}\", which the file does not have",
                        report.id
                    ),
                    format!("add an incident with that id or correct the reference ({listed})"),
                ));
            } else if report.incidents[..j].contains(reference) {
                findings.push(Finding::new(
                    ProblemKind::InvalidValue,
                    path,
                    format!(
                        "report \"{}\" names incident \"{reference}\" twice",
                        report.id
                    ),
                    "remove the repeated id",
                ));
            }
        }
        if report.body.trim().is_empty() {
            findings.push(Finding::new(
                ProblemKind::InvalidValue,
                format!("reports[{i}].body"),
                format!("report \"{}\" has no text", report.id),
                "put the report's text, verbatim, in `body`",
            ));
        }
    }
    if findings.is_empty() {
        return Vec::new();
    }

    // Positions are only needed when something is wrong, so the source is indexed only now.
    let index = ValueIndex::build(src);
    let place = |path: &str| index.offset(path).map(|o| Position::of_offset(src, o));
    let mut problems: Vec<Problem> = findings
        .into_iter()
        .map(|f| {
            let message = match f.first_at.as_deref().and_then(place) {
                Some(first) => format!("{} (first used at {first})", f.message),
                None => f.message,
            };
            Problem::new(f.kind, place(&f.path), message, f.help)
        })
        .collect();
    problems.sort_by_key(|p| p.at);
    problems
}

/// A problem found by validation, placed by its path in the file until positions are computed.
struct Finding {
    kind: ProblemKind,
    path: String,
    message: String,
    help: String,
    /// For a duplicate: the path of the first use.
    first_at: Option<String>,
}

impl Finding {
    fn new(kind: ProblemKind, path: String, message: String, help: impl Into<String>) -> Self {
        Finding {
            kind,
            path,
            message,
            help: help.into(),
            first_at: None,
        }
    }
}

fn check_id<'c>(
    findings: &mut Vec<Finding>,
    first_seen: &mut HashMap<(&'static str, &'c str), String>,
    what: &'static str,
    id: &'c str,
    path: String,
) {
    if id.trim().is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        findings.push(Finding::new(
            ProblemKind::InvalidValue,
            path,
            format!("{what} id {id:?} is empty or contains spaces"),
            "use a short id of letters, digits and dashes, such as \"afp-2017-10-21\"",
        ));
        return;
    }
    match first_seen.get(&(what, id)) {
        Some(first) => findings.push(Finding {
            first_at: Some(first.clone()),
            ..Finding::new(
                ProblemKind::DuplicateId,
                path,
                format!("duplicate {what} id \"{id}\""),
                format!("give every {what} its own id"),
            )
        }),
        None => {
            first_seen.insert((what, id), path);
        }
    }
}

fn abbreviate(items: &[&str], max: usize) -> String {
    let mut shown = items
        .iter()
        .take(max)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > max {
        shown.push_str(&format!(" and {} more", items.len() - max));
    }
    shown
}
