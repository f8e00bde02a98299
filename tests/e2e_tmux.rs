//! End to end: the real binary in a real terminal (tmux), driven by keys as a user would, at
//! 40x12, 80x24 and 200x60; then the shell must work normally again.
//!
//! Skips with a loud message where tmux is missing, except under CI, where it fails:
//! `.ci/run` installs tmux.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
    home: PathBuf,
}

impl Tmux {
    /// A tmux server of its own with one shell at `width`x`height`.
    fn start(label: &str, width: u16, height: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required under CI; .ci/run installs it"
            );
            eprintln!(
                "\n\n*** SKIPPED: tmux is not installed; the end-to-end test did not run ***\n\n"
            );
            return None;
        }
        let home = tempfile::tempdir().unwrap();
        let socket = format!(
            "crosscheck-e2e-{}-{label}-{width}x{height}",
            std::process::id()
        );
        let tmux = Tmux {
            socket,
            home: home.path().to_path_buf(),
            _home: home,
        };
        let status = Command::new("tmux")
            .args([
                "-L",
                &tmux.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "e2e",
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .args([
                "-e",
                &format!("CROSSCHECK_DATA_DIR={}", tmux.home.join("data").display()),
            ])
            .args([
                "-e",
                &format!(
                    "CROSSCHECK_CONFIG_DIR={}",
                    tmux.home.join("config").display()
                ),
            ])
            .args(["-e", "PS1=$ ", "-e", "TERM=xterm-256color"])
            .args(["bash", "--norc", "--noprofile"])
            .output()
            .expect("start tmux");
        assert!(
            status.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        Some(tmux)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Type a line into the shell.
    fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", line]);
        self.tmux(&["send-keys", "-t", "e2e", "Enter"]);
    }

    /// Press keys by tmux name ("q", "Enter", "Escape", "C-c", "?").
    fn press(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "e2e", key]);
        }
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Wait until the screen shows `needle`; returns the screen.
    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_any(&[needle])
    }

    /// Wait until the screen shows one of `needles` and has stopped changing (a large frame
    /// reaches the terminal in several writes); returns the screen.
    fn wait_for_any(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        let mut previous = String::new();
        loop {
            let screen = self.screen();
            if needles.iter().any(|n| screen.contains(n)) && screen == previous {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {needles:?}; screen:\n{screen}"
            );
            previous = screen;
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_crosscheck")
}

/// Every line fits the width and nothing unprintable is left on screen.
fn assert_clean(screen: &str, width: u16) {
    for line in screen.lines() {
        assert!(
            crosscheck::text::width(line) <= width as usize,
            "line wider than {width}: {line:?}"
        );
        assert!(
            !line.chars().any(char::is_control),
            "control character on screen: {line:?}"
        );
    }
}

/// The shell works normally after the app: the command's exit status printed, and the
/// terminal back in canonical mode with echo. The sentinels are computed by the shell, so
/// the typed command line itself can never match them.
fn assert_shell_restored(t: &Tmux, expected_exit: &str) {
    t.wait_for(&format!("exit={expected_exit}"));
    t.type_line("clear; if stty -a | grep -qw -e -icanon -e -echo; then echo TTY-$((6*7))-RAW; else echo TTY-$((2*3))-COOKED; fi");
    let screen = t.wait_for_any(&["TTY-6-COOKED", "TTY-42-RAW"]);
    assert!(
        screen.contains("TTY-6-COOKED"),
        "terminal left in raw mode:\n{screen}"
    );
}

#[test]
fn a_user_browses_the_sample_at_every_size() {
    for (w, h) in [(40u16, 12u16), (80, 24), (200, 60)] {
        let Some(t) = Tmux::start("browse", w, h) else {
            return;
        };
        t.type_line(&format!("{}; echo exit=$?", binary()));
        let screen = t.wait_for("Articles");
        assert_clean(&screen, w);
        assert!(
            screen.contains("Bahariya Oasis"),
            "{w}x{h}: the incident is listed:\n{screen}"
        );
        if w >= 80 {
            // Claims arrive from the background worker.
            let screen = t.wait_for("CAS 35+ security_forces killed");
            assert_clean(&screen, w);
            for title in [
                "Articles (4)",
                "Claims",
                "Comparison — Bahariya Oasis ambush",
                "New Valley",
            ] {
                assert!(
                    screen.contains(title),
                    "{w}x{h}: {title} missing:\n{screen}"
                );
            }
        } else {
            assert!(
                screen.contains("Articles │ Claims │ Comparison"),
                "{w}x{h}: tabs:\n{screen}"
            );
        }

        if w >= 80 {
            // The hints end with help and quit from the first screen, beside the copy notice.
            assert!(
                screen.contains("? help") && screen.contains("q quit"),
                "{w}x{h}: hints:\n{screen}"
            );
            // The comparison of sources, by keys: the police toll is in conflict.
            t.press(&["Tab", "Tab"]);
            let screen = t.wait_for("CONFLICT");
            assert_clean(&screen, w);
            assert!(
                screen.contains("security forces killed"),
                "{w}x{h}:\n{screen}"
            );
        }
        if w == 80 {
            // Above the first slot: the arithmetic flag, then the header's one-origin line.
            t.press(&["k", "k", "k", "k"]);
            let screen = t.wait_for("the parts add up to 54, not 55");
            assert_clean(&screen, w);
            t.press(&["g"]);
            let screen = t.wait_for("≡ one origin: afp-bahariya-2017-10-21");
            assert_clean(&screen, w);
        }
        if w >= 80 {
            t.press(&["Tab"]);
        }

        t.press(&["?"]);
        let screen = t.wait_for("Help — keys");
        assert_clean(&screen, w);
        assert!(
            screen.contains("j, down") && screen.contains("Move down one"),
            "{w}x{h}: keys listed:\n{screen}"
        );
        t.press(&["Escape"]);
        t.wait_for("Articles");

        t.press(&["Enter"]);
        let screen = t.wait_for("Reader — afp-bahariya-2017-10-21");
        assert_clean(&screen, w);
        t.press(&["Tab", "Tab", "Tab"]);
        let screen = t.screen();
        assert_clean(&screen, w);

        t.press(&["q"]);
        assert_shell_restored(&t, "0");
    }
}

#[test]
fn ctrl_c_and_sigterm_restore_the_terminal() {
    let Some(t) = Tmux::start("signals", 80, 24) else {
        return;
    };
    t.type_line(&format!("{}; echo exit=$?", binary()));
    t.wait_for("Articles");
    t.press(&["Enter", "?", "C-c"]);
    assert_shell_restored(&t, "0");

    // A copy with a unique path, so the signal reaches only this process.
    let data = t.home.join("data").join("western-desert-2017.ron");
    let target = t.home.join("sigterm-target.ron");
    std::fs::copy(&data, &target).unwrap();
    t.type_line(&format!(
        "clear; {} {}; echo exit=$?",
        binary(),
        target.display()
    ));
    t.wait_for("Articles");
    let killed = Command::new("pkill")
        .args(["-TERM", "-f", &target.display().to_string()])
        .status();
    if killed.is_ok_and(|s| s.success()) {
        assert_shell_restored(&t, "0");
    } else {
        eprintln!("pkill unavailable: SIGTERM part not run");
    }
}

#[test]
fn sigquit_and_an_abort_restore_the_terminal() {
    let Some(t) = Tmux::start("quit-abort", 80, 24) else {
        return;
    };
    let data = t.home.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for (signal, exit) in [("QUIT", "0"), ("ABRT", "134")] {
        // A copy with a unique path, so the signal reaches only this process.
        let target = data.join(format!("{signal}-target.ron"));
        std::fs::write(&target, crosscheck::sample::TEXT).unwrap();
        t.type_line(&format!(
            "clear; {} {}; echo exit=$?",
            binary(),
            target.display()
        ));
        t.wait_for("Articles");
        let sent = Command::new("pkill")
            .args([&format!("-{signal}"), "-f", &target.display().to_string()])
            .status();
        if !sent.is_ok_and(|s| s.success()) {
            eprintln!("pkill unavailable: the SIG{signal} part did not run");
            return;
        }
        assert_shell_restored(&t, exit);
        assert_eq!(
            t.tmux(&[
                "display",
                "-p",
                "-t",
                "e2e",
                "#{alternate_on}#{mouse_any_flag}"
            ])
            .trim(),
            "00",
            "SIG{signal}: alternate screen or mouse capture left on"
        );
    }
}

#[test]
fn a_bad_file_is_refused_before_the_screen_is_touched() {
    let Some(t) = Tmux::start("bad-file", 80, 24) else {
        return;
    };
    let bad = t.home.join("bad.ron");
    std::fs::write(&bad, "(version: 1, incidents: [").unwrap();
    t.type_line(&format!("{} {}; echo exit=$?", binary(), bad.display()));
    let screen = t.wait_for("exit=2");
    assert!(
        screen.contains(&format!("error: {}:1:", bad.display())),
        "{screen}"
    );
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "(version: 1, incidents: ["
    );
    assert!(Path::new(&bad).exists());
}

/// The issue's flow: annotate the 55-killed claim (disputed, grade 3, a note), undo and redo,
/// grade the first report's source B, quit, reopen and see it all; search "hasm" and jump to a
/// hit; assess the police toll and export the brief, which shows the assessment and grades.
#[test]
fn a_user_annotates_quits_reopens_searches_and_exports() {
    let Some(t) = Tmux::start("annotate", 120, 40) else {
        return;
    };
    t.type_line(&format!("{}; echo exit=$?", binary()));
    t.wait_for("CAS 35+");
    // The Washington Post's report, its claims, down to the AP's 55.
    t.press(&["j", "Tab"]);
    t.wait_for("[Claims]");
    for _ in 0..7 {
        t.press(&["j"]);
    }
    t.wait_for("▶ ·   CAS 55+");
    t.press(&["d", "3", "n"]);
    t.wait_for("Note on the claim");
    t.tmux(&[
        "send-keys",
        "-t",
        "e2e",
        "-l",
        "AP figure; ministry says 16",
    ]);
    t.press(&["Escape"]);
    let screen = t.wait_for("saved #3");
    assert!(screen.contains("▶ !3✎ CAS 55+"), "{screen}");
    t.press(&["C-z"]);
    let screen = t.wait_for("undo #3");
    assert!(
        screen.contains("▶ !3  CAS 55+"),
        "undo took the note back:\n{screen}"
    );
    t.press(&["C-r"]);
    let screen = t.wait_for("redo #3");
    assert!(screen.contains("▶ !3✎ CAS 55+"), "{screen}");
    // The first report's source: B.
    t.press(&["BTab", "k", "B"]);
    let screen = t.wait_for("reliability B");
    assert!(screen.contains("[B]"), "{screen}");
    t.press(&["q"]);
    assert_shell_restored(&t, "0");

    // Reopen: everything is there.
    t.type_line(&format!("clear; {}; echo exit=$?", binary()));
    let screen = t.wait_for("CAS 35+");
    assert!(
        screen.contains("[B]"),
        "the source grade survived:\n{screen}"
    );
    t.press(&["j", "Tab"]);
    for _ in 0..7 {
        t.press(&["j"]);
    }
    let screen = t.wait_for("▶ !3✎ CAS 55+");
    assert!(screen.contains("note: AP figure;"), "{screen}");

    // Search "hasm" and jump to the best hit.
    t.press(&["/"]);
    t.wait_for("[Search]");
    t.tmux(&["send-keys", "-t", "e2e", "-l", "hasm"]);
    let screen = t.wait_for("matches for \"hasm\"");
    assert!(screen.to_lowercase().contains("hasm"), "{screen}");
    t.press(&["Enter"]);
    let screen = t.wait_for_any(&["claim in ", "text in ", "headline in "]);
    assert!(
        !screen.contains("[Search]"),
        "the search closed on Enter:\n{screen}"
    );

    // Assess the police toll in the comparison, then export.
    // Esc closes the reader and leaves the found claim selected in its pane.
    t.press(&["Escape"]);
    t.wait_for("[Claims]");
    t.press(&["BTab", "g", "Tab", "Tab"]);
    t.wait_for("[Comparison]");
    t.press(&["g", "e"]);
    t.wait_for("Assess \"security forces killed\"");
    t.tmux(&["send-keys", "-t", "e2e", "-l", "52"]);
    t.press(&["Tab"]);
    t.tmux(&["send-keys", "-t", "e2e", "-l", "16-55"]);
    t.press(&["Tab"]);
    t.tmux(&["send-keys", "-t", "e2e", "-l", "AFP revised its toll to 52"]);
    t.press(&["C-s"]);
    t.wait_for("saved #7");
    t.press(&["C-e"]);
    t.wait_for("brief written to");
    let brief =
        std::fs::read_to_string(t.home.join("data").join("western-desert-2017.brief.md")).unwrap();
    for wanted in [
        "| security forces killed | 7 | conflict (open) | 52 | 16-55 | AFP revised its toll to 52 |",
        "B (usually reliable)",
        "verdict disputed; grade 3",
        "AP figure; ministry says 16",
    ] {
        assert!(
            brief.contains(wanted),
            "{wanted:?} missing from the brief:\n{brief}"
        );
    }
    t.press(&["q"]);
    assert_shell_restored(&t, "0");
}

#[test]
fn a_user_moves_a_report_merges_incidents_undoes_quits_and_reopens() {
    let Some(t) = Tmux::start("regroup", 80, 24) else {
        return;
    };
    t.type_line(&format!("{}; echo exit=$?", binary()));
    t.wait_for("CAS 35+");
    // The Washington Post's report to the New Valley raid.
    t.press(&["j", "m"]);
    t.wait_for("Move wapo-bahariya-2017-10-21 to");
    t.tmux(&["send-keys", "-t", "e2e", "-l", "valley"]);
    t.press(&["Enter"]);
    let screen = t.wait_for("saved #1");
    assert!(screen.contains("New Valley… 2017-10-27 (2)"), "{screen}");
    assert!(screen.contains("Bahariya O… 2017-10-20 (3)"), "{screen}");
    // Merge the raid into the ambush: one incident of four reports.
    t.press(&["k", "M"]);
    t.wait_for("Merge new-valley-raid-2017-10-27 into");
    t.press(&["Enter"]);
    let screen = t.wait_for("saved #2");
    assert!(screen.contains("Bahariya O… 2017-10-20 (4)"), "{screen}");
    assert!(!screen.contains("New Valley…"), "{screen}");
    // Undo the merge: the raid is back, with the moved report.
    t.press(&["C-z"]);
    let screen = t.wait_for("undo #2");
    assert!(screen.contains("New Valley… 2017-10-27 (2)"), "{screen}");
    t.press(&["q"]);
    assert_shell_restored(&t, "0");

    // Reopen: the move is there, the merge undone.
    t.type_line(&format!("clear; {}; echo exit=$?", binary()));
    let screen = t.wait_for("CAS 35+");
    assert!(screen.contains("Bahariya O… 2017-10-20 (3)"), "{screen}");
    assert!(screen.contains("New Valley… 2017-10-27 (2)"), "{screen}");
    t.press(&["q"]);
    assert_shell_restored(&t, "0");
}

#[test]
fn a_user_leaves_a_value_out_of_a_slot_and_undoes_it() {
    let Some(t) = Tmux::start("exclude", 100, 40) else {
        return;
    };
    t.type_line(&format!("{}; echo exit=$?", binary()));
    t.wait_for("CAS 35+");
    // The comparison, zoomed; Enter walks the police toll's values to the AP's 55.
    t.press(&["3", "z"]);
    t.wait_for("best 52 · high 55");
    for n in 1..=4 {
        t.press(&["Enter"]);
        t.wait_for(&format!("value {n} of"));
    }
    t.wait_for("55+ security_forces killed");
    t.press(&["-"]);
    t.wait_for("why (not about this event");
    t.tmux(&["send-keys", "-t", "e2e", "-l", "another raid"]);
    t.press(&["Enter"]);
    let screen = t.wait_for("best 35 · high 54");
    assert!(
        screen.contains("⊘ left out 55+"),
        "the value left out stays in sight:\n{screen}"
    );
    t.press(&["C-z"]);
    let screen = t.wait_for("best 52 · high 55");
    assert!(!screen.contains("⊘ left out"), "{screen}");
    t.press(&["q"]);
    assert_shell_restored(&t, "0");
}
