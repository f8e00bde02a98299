//! Annotation and search benchmarks on a 10,000-report corpus (generated, as `crosscheck
//! gen-corpus`): saving one annotation (the journal alone, and a keystroke in the TUI through
//! to disk), and answering a search keystroke over the claims of every report.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use crosscheck::annotate::{Anchor, Journal, Target, Value, Verdict};
use crosscheck::extract::Extractor;
use crosscheck::generate;
use crosscheck::search::SearchIndex;

// The binary's allocator (src/main.rs), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const REPORTS: usize = 10_000;

/// Save one annotation (append + fsync) beside a 10,000-report file whose journal already
/// holds 2,000 entries.
#[divan::bench(sample_count = 200)]
fn save_one_annotation_10k_reports(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.ron");
    let corpus = generate::corpus(REPORTS, 1);
    crosscheck::store::save(&corpus, &file, None).unwrap();
    let claims = Extractor::default().corpus(&corpus);
    let targets: Vec<Target> = claims
        .iter()
        .flatten()
        .step_by(97)
        .take(2_000)
        .map(|c| Target::Claim {
            id: c.id.clone(),
            anchor: Anchor::of(c),
        })
        .collect();
    let mut journal = Journal::open(&file, "bench").unwrap();
    for t in &targets {
        journal
            .set(vec![(t.clone(), Value::Verdict(Verdict::Confirmed))])
            .unwrap();
    }
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let v = if flip {
            Verdict::Disputed
        } else {
            Verdict::Confirmed
        };
        journal
            .set(vec![(targets[0].clone(), Value::Verdict(v))])
            .unwrap()
    });
}

/// A session over 10,000 reports with its journal, analysed, the claims pane focused;
/// `threaded`: its analysis on the worker thread, as in the terminal.
fn session_10k(dir: &std::path::Path, threaded: bool) -> crosscheck::tui::Session {
    use crosscheck::tui::{App, Document, Session, app::Pane, config::Config, update};
    let file = dir.join("big.ron");
    let corpus = generate::corpus(REPORTS, 1);
    crosscheck::store::save(&corpus, &file, None).unwrap();
    let app = App::new(
        Document::new(corpus, "big.ron"),
        Config::defaults(),
        (120, 40),
    );
    let journal = Some(Journal::open(&file, "bench").unwrap());
    let mut session = if threaded {
        Session::threaded(app, journal)
    } else {
        Session::inline(app, journal)
    };
    session.start();
    session.settle();
    session.app.view.focus = Pane::Claims;
    update::fit(&mut session.app);
    session
}

fn key(c: char) -> ratatui::crossterm::event::Event {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// A verdict key in the TUI of a 10,000-report file, through to disk: the key handled, the
/// entry appended and fsynced, the counts and the search index's notes brought up to date.
#[divan::bench(sample_count = 100)]
fn verdict_keystroke_saved_10k_reports(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_10k(dir.path(), false);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        session.handle_event(key(if flip { 'd' } else { 'c' }));
    });
}

/// Marking a claim an extraction error takes it out of the comparisons: the key saves the
/// verdict and asks the worker to compare again; the interface thread's part is measured,
/// with the worker comparing alongside (the replies of earlier keys taken as they come, as
/// the run loop takes them).
#[divan::bench(sample_count = 50)]
fn extraction_error_keystroke_10k_reports(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_10k(dir.path(), true);
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        session.pump();
        session.handle_event(key(if flip { 'e' } else { 'c' }));
    });
    session.settle();
}

/// Moving in the claims pane while the worker compares a 10,000-report file again (a full
/// comparison asked for just before): a key never waits for it.
#[divan::bench(sample_count = 200)]
fn keystroke_while_comparing_10k_reports(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_10k(dir.path(), true);
    session.perform(vec![crosscheck::tui::app::Effect::Recompute(
        crosscheck::tui::app::Scope::All,
    )]);
    assert!(session.busy());
    let mut down = false;
    bencher.bench_local(|| {
        down = !down;
        session.pump();
        session.handle_event(key(if down { 'j' } else { 'k' }));
    });
    session.settle();
}

/// One search keystroke over the headlines, sentences and claims of 10,000 reports, typing
/// "hasm" letter by letter: each query alone (from scratch), and each narrowed from the one
/// before, as the search worker does.
#[divan::bench(args = ["h", "ha", "has", "hasm", "police killed"], sample_count = 20)]
fn search_keystroke_10k_reports(bencher: divan::Bencher, query: &str) {
    let corpus = generate::corpus(REPORTS, 1);
    let claims = Extractor::default().corpus(&corpus);
    let index = SearchIndex::build(std::sync::Arc::new(corpus), &claims);
    let shorter = &query[..query.len() - 1];
    let previous = (!shorter.is_empty()).then(|| index.search(shorter, None, 200));
    bencher.bench_local(|| {
        index
            .search(query, previous.as_ref().map(|a| a.matched.as_slice()), 200)
            .total
    });
}

/// The same keystrokes from scratch (no narrowing): the worst case, e.g. after pasting.
#[divan::bench(args = ["h", "hasm", "police killed"], sample_count = 20)]
fn search_from_scratch_10k_reports(bencher: divan::Bencher, query: &str) {
    let corpus = generate::corpus(REPORTS, 1);
    let claims = Extractor::default().corpus(&corpus);
    let index = SearchIndex::build(std::sync::Arc::new(corpus), &claims);
    eprintln!("{} searchable items", index.items().len());
    bencher.bench_local(|| index.search(query, None, 200).total);
}

/// Drawing each pane and window of a 10,000-report file at 200x60, analysed and annotating:
/// the keys that open it are pressed first (`keys`, as in key maps).
#[divan::bench(args = ["main", "reader", "comparison zoomed", "help", "sources", "timeline", "review queue", "review queue of the file"])]
fn draw_each_pane_10k_reports_200x60(bencher: divan::Bencher, what: &str) {
    use crosscheck::tui::{update, view};
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_10k(dir.path(), false);
    session.handle_event(ratatui::crossterm::event::Event::Resize(200, 60));
    let keys: &[char] = match what {
        "reader" => &['1', '4'],
        "comparison zoomed" => &['3', 'z'],
        "help" => &['?'],
        "sources" => &['W'],
        "timeline" => &['T'],
        "review queue" => &['R'],
        "review queue of the file" => &['R', 'a'],
        _ => &[],
    };
    for &c in keys {
        session.handle_event(key(c));
    }
    update::fit(&mut session.app);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| view::draw(f, &session.app)).unwrap();
    });
}

/// Widening the review queue to the whole 10,000-report file (and back): the key that
/// gathers every claim still to review.
#[divan::bench(sample_count = 20)]
fn review_queue_of_the_file_10k_reports(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_10k(dir.path(), false);
    session.handle_event(key('R'));
    bencher.bench_local(|| {
        session.handle_event(key('a'));
    });
}

/// Sorting the 10,000-report article list (the key cycles date, outlet, incident title,
/// review progress), and filtering it by outlet and word.
#[divan::bench(sample_count = 20)]
fn article_list_sorted_and_filtered_10k_reports(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_10k(dir.path(), false);
    session.app.view.focus = crosscheck::tui::app::Pane::Articles;
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        if n % 5 == 0 {
            crosscheck::tui::update::list::set_filter(&mut session.app, "outlet:a police");
        } else {
            session.handle_event(key('o'));
        }
    });
}
