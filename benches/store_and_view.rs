//! Benchmarks for loading and browsing a large corpus: parse + validate, grouping by incident,
//! and drawing the main screen (which must not grow with the corpus).
//!
//! The corpus is the sample's reports repeated under fresh ids and spread over many incidents:
//! realistic text, at 10,000 reports.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

use crosscheck::article_index::ArticleIndex;
use crosscheck::model::{Corpus, Incident};
use crosscheck::tui::config::Config;
use crosscheck::tui::{App, Document, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// The binary's allocator (src/main.rs), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn big_corpus(reports: usize) -> Corpus {
    let sample =
        crosscheck::store::parse(crosscheck::sample::TEXT.as_bytes(), "s".as_ref()).unwrap();
    let mut corpus = Corpus::new();
    let incidents = (reports / 8).max(1);
    for i in 0..incidents {
        let base = &sample.incidents[i % sample.incidents.len()];
        corpus.incidents.push(Incident {
            id: format!("{}-{i}", base.id),
            ..base.clone()
        });
    }
    for r in 0..reports {
        let mut report = sample.reports[r % sample.reports.len()].clone();
        report.id = format!("{}-{r}", report.id);
        report.incidents = vec![corpus.incidents[r % incidents].id.clone()];
        corpus.reports.push(report);
    }
    corpus
}

#[divan::bench(args = [1_000, 10_000])]
fn load_and_validate(bencher: divan::Bencher, reports: usize) {
    let text = crosscheck::store::to_ron(&big_corpus(reports)).unwrap();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            crosscheck::store::parse(divan::black_box(text.as_bytes()), "big.ron".as_ref()).unwrap()
        });
}

#[divan::bench(args = [10_000])]
fn group_by_incident(bencher: divan::Bencher, reports: usize) {
    let corpus = big_corpus(reports);
    bencher.bench(|| ArticleIndex::build(divan::black_box(&corpus)));
}

#[divan::bench(args = [(80, 24), (200, 60)])]
fn draw_main_screen_10k(bencher: divan::Bencher, size: (u16, u16)) {
    let doc = Document::new(big_corpus(10_000), "big.ron");
    let mut app = App::new(doc, Config::defaults(), size);
    update::fit(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| view::draw(f, &app)).unwrap();
    });
}

#[divan::bench]
fn keystroke_move_down_10k(bencher: divan::Bencher) {
    let doc = Document::new(big_corpus(10_000), "big.ron");
    let mut app = App::new(doc, Config::defaults(), (200, 60));
    update::fit(&mut app);
    bencher.bench_local(|| {
        let effects = update::update(&mut app, crosscheck::tui::action::Action::MoveDown);
        assert!(effects.is_empty());
        let list = &mut app.view.list;
        if list.selected + 1 >= list.rows.len() {
            list.selected = 0;
        }
    });
}
