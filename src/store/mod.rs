//! Loading, validating and saving data files (RON). Nothing here writes a file it did not
//! load or create on purpose, and nothing here panics on bad input.

mod load;
mod locate;
mod problem;
mod save;

pub use load::{FORMAT_DOC, Fingerprint, Loaded, from_ron, load, parse, ron_options, validate};
pub use locate::ValueIndex;
pub use problem::{LoadError, Position, Problem, ProblemKind};
pub use save::{
    SaveError, backup_path, free_alternative, replace_file, save, to_ron, write_atomically,
};
