//! The bundled sample data file, embedded in the binary so `crosscheck` works from anywhere.

use std::path::{Path, PathBuf};

use crate::store::{self, SaveError};

/// File name of the sample, in `data/` and in the user's data directory.
pub const FILE_NAME: &str = "western-desert-2017.ron";

/// The sample's text, as shipped in `data/`.
pub const TEXT: &str = include_str!("../data/western-desert-2017.ron");

/// Where the sample lives, and whether this call put it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleCopy {
    /// The copy in the user's data directory.
    pub path: PathBuf,
    /// True when the copy was made just now.
    pub created: bool,
}

/// The user's working copy of the sample in `data_dir`, made on first use.
///
/// An existing copy is left as it is, even if it differs from the bundled one: it may hold the
/// user's own additions.
pub fn ensure_copy(data_dir: &Path) -> Result<SampleCopy, SaveError> {
    let path = data_dir.join(FILE_NAME);
    if path.exists() {
        return Ok(SampleCopy {
            path,
            created: false,
        });
    }
    std::fs::create_dir_all(data_dir).map_err(|source| SaveError::Io {
        path: data_dir.to_path_buf(),
        source,
    })?;
    store::write_atomically(&path, TEXT.as_bytes(), None)?;
    Ok(SampleCopy {
        path,
        created: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_once_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let first = ensure_copy(dir.path()).unwrap();
        assert!(first.created);
        assert_eq!(std::fs::read_to_string(&first.path).unwrap(), TEXT);
        std::fs::write(&first.path, "user's own").unwrap();
        let second = ensure_copy(dir.path()).unwrap();
        assert!(!second.created);
        assert_eq!(std::fs::read_to_string(&second.path).unwrap(), "user's own");
    }
}
