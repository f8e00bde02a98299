//! Taking over the terminal and always giving it back: raw mode, the alternate screen and
//! mouse capture are undone on quit, on error, on panic, on SIGINT/SIGTERM/SIGHUP/SIGQUIT,
//! and on an abort (an allocation that fails, SIGABRT), where no Rust code can run but a
//! signal handler that writes the reset sequences and the saved terminal settings back.

use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal while the TUI owns it. Dropping it restores the terminal.
pub struct TerminalGuard {
    /// The ratatui terminal to draw on.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// Set by a signal handler when the process is asked to stop.
    pub stop: Arc<AtomicBool>,
}

impl TerminalGuard {
    /// Enter raw mode and the alternate screen (and mouse capture if `mouse`), with a panic
    /// hook and signal handlers that restore the terminal.
    pub fn enter(mouse: bool) -> std::io::Result<TerminalGuard> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGQUIT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        spawn_watchdog(Arc::clone(&stop));
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        #[cfg(unix)]
        on_abort::arm();
        enable_raw_mode()?;
        let entered = execute!(stdout(), EnterAlternateScreen).and_then(|()| {
            if mouse {
                execute!(stdout(), EnableMouseCapture)
            } else {
                Ok(())
            }
        });
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout())).inspect_err(|_| restore())?;
        Ok(TerminalGuard { terminal, stop })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
        let _ = self.terminal.show_cursor();
    }
}

/// How long the event loop has to notice a stop signal before the watchdog ends the process.
const STOP_GRACE: Duration = Duration::from_millis(750);

/// The event loop checks the stop flag between polls, but crossterm 0.29 never returns from
/// `poll` once its tty reads end-of-file (its read loop ignores `Ok(0)`), which is exactly what
/// happens when the terminal is closed under us. So a stop signal that the loop has not acted
/// on within [`STOP_GRACE`] ends the process from here, after restoring the terminal.
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    let spawned = std::thread::Builder::new()
        .name("stop-watchdog".into())
        .spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
            }
            std::thread::sleep(STOP_GRACE);
            tracing::warn!("event loop did not stop after a signal; exiting from the watchdog");
            restore();
            std::process::exit(1);
        });
    if let Err(e) = spawned {
        tracing::warn!("no stop watchdog: {e}");
    }
}

/// Put the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), ratatui::crossterm::cursor::Show);
}

/// Restoring the terminal when the process aborts: no destructor or panic hook runs then, so a
/// SIGABRT handler does what async-signal-safe calls can — write the sequences that leave the
/// alternate screen and mouse capture, put back the terminal settings saved before raw mode —
/// and then lets the abort go on.
#[cfg(unix)]
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
