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
        if let Some(arm) = ABORT_GUARD.get() {
            arm();
        }
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

/// What the binary arms before raw mode so that an abort (where no destructor or panic hook
/// runs) still gives the terminal back: a signal handler needs `unsafe`, which this library
/// forbids, so the binary supplies it (see `src/main.rs`).
static ABORT_GUARD: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Set what arms the terminal's restore on abort. The first call wins.
pub fn on_abort(arm: fn()) {
    let _ = ABORT_GUARD.set(arm);
}
