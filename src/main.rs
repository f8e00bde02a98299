//! The `crosscheck` binary: everything is in the library (`crosscheck::cli`), which forbids
//! `unsafe`. The one thing that needs it lives here: the signal handler that gives the
//! terminal back on an abort. (A closed pipe is an error every write checks: the command
//! then ends quietly with exit 0, see `cli::out`.)

/// Extraction builds many small strings and vectors per sentence; mimalloc serves them about a
/// sixth faster than the system allocator (`cargo bench --bench extraction`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    return_freed_memory_at_once();
    #[cfg(unix)]
    crosscheck::tui::runtime::terminal::on_abort(on_abort::arm);
    crosscheck::cli::main()
}

/// mimalloc keeps freed pages a second before giving them back, so a batch run's footprint is
/// its working set plus a second's garbage: 94 MB over 10,000 articles where 77 MB are needed
/// (`extract --jsonl`). Freed pages go back at once instead; the cost does not show in the
/// run's time.
#[allow(unsafe_code)] // one call into the allocator's C API; see SAFETY
fn return_freed_memory_at_once() {
    /// `mi_option_purge_delay` in the mimalloc v3 sources libmimalloc-sys 0.1.49 builds
    /// (`include/mimalloc.h`, `mi_option_e`); its Rust bindings do not name it.
    const PURGE_DELAY: i32 = 15;
    unsafe extern "C" {
        fn mi_option_set(option: i32, value: std::ffi::c_long);
    }
    // SAFETY: mi_option_set stores a value in mimalloc's option table (it checks the index is
    // in range); it may be called at any time, from any thread.
    unsafe { mi_option_set(PURGE_DELAY, 0) };
}

/// Restoring the terminal when the process aborts: no destructor or panic hook runs then, so a
/// SIGABRT handler does what async-signal-safe calls can — write the sequences that leave the
/// alternate screen and mouse capture, put back the terminal settings saved before raw mode —
/// and then lets the abort go on.
#[cfg(unix)]
#[allow(unsafe_code)] // a signal handler and the terminal calls it makes; see SAFETY
mod on_abort {
    use std::sync::OnceLock;

    /// The terminal settings of standard input before raw mode.
    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    /// Mouse reporting off (every mode crossterm enables), the main screen, the cursor shown.
    const RESET: &[u8] =
        b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

    /// Save the settings and install the handler (once per process).
    pub fn arm() {
        static ARMED: OnceLock<()> = OnceLock::new();
        ARMED.get_or_init(|| {
            // SAFETY: isatty and tcgetattr only read the descriptor's state into `settings`,
            // which is a plain C struct that zeroed memory initialises validly.
            unsafe {
                if libc::isatty(libc::STDIN_FILENO) == 1 {
                    let mut settings: libc::termios = std::mem::zeroed();
                    if libc::tcgetattr(libc::STDIN_FILENO, &mut settings) == 0 {
                        let _ = SAVED.set(settings);
                    }
                }
            }
            // SAFETY: the handler only calls async-signal-safe functions (write, tcsetattr,
            // and signal-hook's emulation of the default action, made for handlers) and reads
            // `SAVED`, which was set before it was installed and never changes after.
            let installed = unsafe {
                signal_hook::low_level::register(signal_hook::consts::SIGABRT, || {
                    libc::write(libc::STDOUT_FILENO, RESET.as_ptr().cast(), RESET.len());
                    if let Some(settings) = SAVED.get() {
                        libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, settings);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(
                        signal_hook::consts::SIGABRT,
                    );
                })
            };
            if let Err(e) = installed {
                tracing::warn!("no terminal restore on abort: {e}");
            }
        });
    }
}
