//! The `crosscheck` binary: everything is in the library; see `crosscheck::cli`.

/// Extraction builds many small strings and vectors per sentence; mimalloc serves them about a
/// sixth faster than the system allocator (`cargo bench --bench extraction`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crosscheck::cli::main()
}
