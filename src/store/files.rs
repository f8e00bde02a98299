//! The file-system details every writer and reader shares: locks that serialise writers,
//! reading only regular files of bounded size, writing through symlinks with the file's own
//! permissions, and clearing the temp files a killed writer left behind.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest data, journal or article file read (2 GiB): beyond it a file is refused with a
/// message, not read until memory runs out (`/dev/zero`, a runaway log).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// An advisory lock (flock) on a lock file, released when dropped or when the process dies.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

impl FileLock {
    /// Wait for the lock at `path` alone (writers). The lock file is created with `mode`.
    pub fn exclusive(path: &Path, mode: Option<u32>) -> std::io::Result<FileLock> {
        let file = open_lock_file(path, mode)?;
        file.lock()?;
        Ok(FileLock { _file: file })
    }

    /// Wait for the lock at `path` beside other readers (no writer holds it meanwhile).
    /// `None` when the lock file cannot be made (a read-only directory): then nobody can be
    /// writing there either.
    pub fn shared(path: &Path, mode: Option<u32>) -> std::io::Result<Option<FileLock>> {
        let file = match open_lock_file(path, mode) {
            Ok(file) => file,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        file.lock_shared()?;
        Ok(Some(FileLock { _file: file }))
    }
}

fn open_lock_file(path: &Path, mode: Option<u32>) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    with_mode(&mut options, mode);
    options.open(path)
}

/// The lock writers of the data file at `path` take for the whole of a read-change-write
/// (`x.ron` → `.x.ron.lock`, hidden: it holds nothing).
pub fn data_lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".lock");
    path.with_file_name(name)
}

/// Set the permission bits new files are created with, where the platform has them.
pub fn with_mode(options: &mut OpenOptions, mode: Option<u32>) {
    #[cfg(unix)]
    if let Some(mode) = mode {
        std::os::unix::fs::OpenOptionsExt::mode(options, mode);
    }
    #[cfg(not(unix))]
    let _ = (options, mode);
}

/// The permission bits of the file at `path` (following symlinks), for the files written
/// beside it to share: a private data file keeps private backups and annotations.
pub fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The file a write to `path` must replace: the target of a symlink (so the link stays a link
/// and the real file is updated), else `path` itself.
pub fn real_path(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// What a file's metadata says of its bytes: a change of size, time or file (an atomic
/// replace makes a new one) means it was written. Cheap enough to ask every second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// Device and inode, where the platform has them.
    file: (u64, u64),
}

impl Stamp {
    /// The stamp of the file at `path` now (following symlinks); `None` when it is gone.
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of_metadata(&m))
    }

    /// The stamp these metadata give (of a file already open, say).
    pub fn of_metadata(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let file = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let file = (0, 0);
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            file,
        }
    }

    /// True when `self` (now) is the same file as `earlier`, grown or not, never shorter:
    /// what an append-only file stamped before and after an append looks like.
    pub fn continues(&self, earlier: &Stamp) -> bool {
        self.file == earlier.file && self.len >= earlier.len
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The system refused (missing, no permission, ...).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A FIFO, a device, a socket or a directory: reading it could block or never end.
    #[error("not a regular file")]
    NotRegular,
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("larger than {} MiB", MAX_FILE_BYTES >> 20)]
    TooLarge,
}

/// The bytes of the regular file at `path`, at most `limit` of them. A FIFO or a device is
/// refused without being opened for reading, so nothing blocks.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = File::open(path)?;
    // Checked again on the open file: the path may have been swapped in between.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file growing while read is cut at the limit rather than followed forever.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// Remove the temp files (`.NAME.XXXXXX`) an atomic write of `path` left behind when its
/// process was killed. Only call it holding the lock every writer of `path` takes: then no
/// such file belongs to a write in progress.
pub fn clean_temps(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(other) = file_name.to_str() else {
            continue;
        };
        let is_temp = other.strip_prefix(&prefix).is_some_and(|suffix| {
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        if is_temp && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temps_go_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        for name in [
            ".x.ron.a1B2c3",
            ".x.ron.bak",
            "x.ron",
            ".x.ron.toolong7",
            ".y.ron.a1B2c3",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        clean_temps(&path);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [".x.ron.bak", ".x.ron.toolong7", ".y.ron.a1B2c3", "x.ron"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if status.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_regular(&fifo, 10),
                Err(ReadError::NotRegular)
            ));
        }
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular)
        ));
        let small = dir.path().join("s");
        std::fs::write(&small, "12345").unwrap();
        assert!(matches!(read_regular(&small, 4), Err(ReadError::TooLarge)));
        assert_eq!(read_regular(&small, 5).unwrap(), b"12345");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_resolves_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(real_path(&link), std::fs::canonicalize(&real).unwrap());
        assert_eq!(real_path(&real), real);
    }
}
