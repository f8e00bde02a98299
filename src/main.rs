//! The `crosscheck` binary: everything is in the library; see `crosscheck::cli`.

fn main() -> std::process::ExitCode {
    crosscheck::cli::main()
}
