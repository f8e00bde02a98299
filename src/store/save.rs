//! Writing a data file so that no crash, power cut or second writer can cost the user data:
//! a temp file in the same directory, fsync, rename, fsync the directory, the previous
//! version kept as `FILE.bak`, and a refusal to overwrite changes made on disk by someone else.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::{FileLock, clean_temps, data_lock_path, mode_of, real_path};
use super::load::Fingerprint;
use crate::model::Corpus;

/// Why a save did not happen. In every case the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file is not what it was when loaded (another program or instance wrote it).
    #[error(
        "{path} changed on disk since it was opened, so it was not overwritten; \
         save to {alternative} instead, or reopen the file to see the other changes",
        path = .path.display(), alternative = .alternative.display()
    )]
    ChangedOnDisk {
        /// The file that changed.
        path: PathBuf,
        /// A free path next to it where the data can be saved instead.
        alternative: PathBuf,
    },
    /// A file was expected not to exist yet, and it does.
    #[error(
        "{path} already exists, so it was not overwritten; save to {alternative} instead",
        path = .path.display(), alternative = .alternative.display()
    )]
    AlreadyExists {
        /// The existing file.
        path: PathBuf,
        /// A free path next to it.
        alternative: PathBuf,
    },
    /// The operating system refused a step.
    #[error("cannot save {path}: {reason}", path = .path.display(), reason = crate::text::io_reason(.source))]
    Io {
        /// The file being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The data could not be encoded (a bug: every corpus should encode).
    #[error("cannot encode the data as RON: {0}")]
    Encode(#[from] ron::Error),
}

/// The RON text for a corpus, as saved: pretty, strings unescaped so bodies stay readable.
pub fn to_ron(corpus: &Corpus) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .escape_strings(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    ron::ser::to_string_pretty(corpus, config)
}

/// The backup kept of the previous version of `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// A path beside `path` that does not exist yet (`name.1.ron`, `name.2.ron`, …).
pub fn free_alternative(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (1..)
        .map(|n| path.with_file_name(format!("{stem}.{n}{ext}")))
        .find(|p| !p.exists())
        .expect("some numbered name is free")
}

/// Save `corpus` to `path` atomically, under the data file's lock.
///
/// `expected` is what the file held when it was loaded: the save is refused if the file now
/// holds anything else (a file deleted since is simply written again: nothing there to lose).
/// `None` means the file is new: the save is refused if it exists.
/// On success the previous version is in [`backup_path`] and the new fingerprint is returned.
/// A writer that reads, changes and writes (import) holds [`lock_data`] across all three and
/// calls [`save_locked`] instead, so parallel writers land one after the other.
pub fn save(
    corpus: &Corpus,
    path: &Path,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let lock = lock_data(path)?;
    save_locked(corpus, path, expected, &lock)
}

/// [`save`] by a writer already holding the data file's lock.
pub fn save_locked(
    corpus: &Corpus,
    path: &Path,
    expected: Option<&Fingerprint>,
    lock: &FileLock,
) -> Result<Fingerprint, SaveError> {
    let text = to_ron(corpus)?;
    write_locked(path, text.as_bytes(), expected, lock)
}

/// Take the lock every writer of the data file at `path` holds while it reads, changes and
/// writes the file (released when dropped).
pub fn lock_data(path: &Path) -> Result<FileLock, SaveError> {
    let real = real_path(path);
    let lock = data_lock_path(&real);
    FileLock::exclusive(&lock, mode_of(&real))
        .map_err(|source| SaveError::Io { path: lock, source })
}

/// Write `bytes` to `path` with the same guarantees as [`save`].
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let lock = lock_data(path)?;
    write_locked(path, bytes, expected, &lock)
}

fn write_locked(
    path: &Path,
    bytes: &[u8],
    expected: Option<&Fingerprint>,
    _lock: &FileLock,
) -> Result<Fingerprint, SaveError> {
    // Through a symlink to the real file: the link stays a link, the file it names is updated.
    let real = real_path(path);
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    clean_temps(&real);
    let current = match std::fs::read(&real) {
        Ok(current) => Some(current),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    match (expected, &current) {
        (Some(expected), Some(current)) if Fingerprint::of(current) != *expected => {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
                alternative: free_alternative(path),
            });
        }
        (None, Some(_)) => {
            return Err(SaveError::AlreadyExists {
                path: path.to_path_buf(),
                alternative: free_alternative(path),
            });
        }
        _ => {}
    }
    if let Some(previous) = &current {
        let backup = backup_path(&real);
        clean_temps(&backup);
        // The backup is as private as the file it keeps.
        replace_file_with_mode(&backup, previous, mode_of(&real)).map_err(io)?;
    }
    replace_file(&real, bytes).map_err(io)?;
    Ok(Fingerprint::of(bytes))
}

/// Temp file in the same directory, fsync, rename over `path`, fsync the directory: after a
/// crash `path` holds either the old bytes or the new, never a mix. An existing file's
/// permissions are kept.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_file_with_mode(path, bytes, None)
}

/// [`replace_file`] with the bytes `write` writes, streamed into the temporary file (through
/// a buffer) rather than held whole. When `write` fails, `path` is left as it was.
pub fn replace_file_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut file);
        write(&mut buffered)?;
        buffered.flush()?;
    }
    file.commit()
}

/// [`replace_file`], the new file taking the permission bits `mode` when given.
pub fn replace_file_with_mode(path: &Path, bytes: &[u8], mode: Option<u32>) -> std::io::Result<()> {
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    if mode.is_some() {
        atomic_write_file::unix::OpenOptionsExt::preserve_mode(&mut options, false);
    }
    let mut file = options.open(path)?;
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_never_name_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        assert_eq!(free_alternative(&path), dir.path().join("x.1.ron"));
        std::fs::write(dir.path().join("x.1.ron"), "").unwrap();
        assert_eq!(free_alternative(&path), dir.path().join("x.2.ron"));
        assert_eq!(backup_path(&path), dir.path().join("x.ron.bak"));
    }
}
