//! Loading, validating and saving data files (RON). Nothing here writes a file it did not
//! load or create on purpose, and nothing here panics on bad input.

mod files;
mod load;
mod locate;
mod problem;
mod save;

pub use files::{
    FileLock, MAX_FILE_BYTES, ReadError, Stamp, clean_temps, data_lock_path, mode_of, read_regular,
    real_path, with_mode,
};
pub use load::{FORMAT_DOC, Fingerprint, Loaded, from_ron, load, parse, ron_options, validate};
pub use locate::ValueIndex;
pub use problem::{LoadError, Position, Problem, ProblemKind};
pub use save::{
    SaveError, backup_path, free_alternative, lock_data, replace_file, replace_file_with,
    replace_file_with_mode, save, save_locked, to_ron, write_atomically,
};
