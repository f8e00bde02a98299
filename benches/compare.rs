//! Comparison benchmarks: one incident reported 200 times (generated, as `crosscheck
//! gen-corpus`), compared from its extracted claims; and drawing the comparison pane.

use crosscheck::compare::compare;
use crosscheck::extract::Extractor;
use crosscheck::generate;

// The binary's allocator (src/main.rs), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Compare an incident of 200 reports (claims already extracted).
#[divan::bench]
fn compare_incident_of_200_reports(bencher: divan::Bencher) {
    let corpus = generate::corpus_with(200, 1, 3);
    let extractor = Extractor::default();
    let claims = extractor.corpus(&corpus);
    let id = corpus.incidents[0].id.clone();
    bencher.bench_local(|| {
        compare(&corpus, &claims, &id, extractor.lexicon())
            .slots
            .len()
    });
}

/// Redraw the screen with the comparison pane focused, for an incident of 200 reports: at
/// 80x24, and zoomed at 200x60 (the matrix).
#[divan::bench(args = [(80, 24, false), (200, 60, true)])]
fn draw_comparison_pane_200_reports(bencher: divan::Bencher, (w, h, zoom): (u16, u16, bool)) {
    use crosscheck::tui::{App, Document, Session, app::Pane, config::Config, update, view};
    let corpus = generate::corpus_with(200, 1, 3);
    let app = App::new(
        Document::new(corpus, "bench.ron"),
        Config::defaults(),
        (w, h),
    );
    let mut session = Session::inline(app, None);
    session.start();
    let app = &mut session.app;
    app.view.focus = Pane::Comparison;
    app.view.zoomed = zoom;
    update::fit(app);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| view::draw(f, app)).unwrap();
    });
}
