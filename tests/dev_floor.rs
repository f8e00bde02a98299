//! Regression floor on real news: the report tallies of the GVDB development set
//! (`../shared/dev/gvdb-dev`, real US shooting reports with the victims an annotator read in
//! each) scored as `score_gvdb.py` scores them, in process. Fails when killed or injured
//! exact falls below 0.75; prints the figures. Skipped, saying so, where the development set
//! is not beside the project.

use std::path::{Path, PathBuf};

use crosscheck::extract::Extractor;
use crosscheck::extract::tally::of_report;
use crosscheck::import::{FileKind, import, read_all};
use crosscheck::model::Corpus;

/// Flags that leave an article out of scoring, as the scorer does.
const LEAVE_OUT: [&str; 3] = [
    "no_victims_annotated",
    "group_victim",
    "victim_without_status",
];
const FLOOR: f64 = 0.75;

struct Gold {
    file: String,
    killed: u64,
    injured: u64,
}

fn gold(dir: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(dir.join("gold.tsv")).expect("gold.tsv reads");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (file, killed, injured, flags) = (
        col("file"),
        col("number_killed"),
        col("number_injured"),
        col("flags"),
    );
    lines
        .map(|l| l.split('\t').collect::<Vec<&str>>())
        .filter(|f| {
            !LEAVE_OUT
                .iter()
                .any(|x| f.get(flags).unwrap_or(&"").contains(x))
        })
        .map(|f| Gold {
            file: f[file].to_string(),
            killed: f[killed].parse().expect("a count"),
            injured: f[injured].parse().expect("a count"),
        })
        .collect()
}

#[test]
fn report_tallies_hold_on_real_shooting_reports() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/gvdb-dev");
    if !dir.join("gold.tsv").exists() {
        println!("skipped: no development set at {}", dir.display());
        return;
    }
    let rows = gold(&dir);
    let files: Vec<(PathBuf, FileKind)> = rows
        .iter()
        .map(|g| (dir.join(&g.file), FileKind::Text))
        .collect();
    let articles = read_all(&files, |_| {})
        .unwrap_or_else(|e| panic!("reads: {e:?}"))
        .articles;
    let extractor = Extractor::default();
    let mut corpus = Corpus::default();
    import(&mut corpus, articles, &extractor);
    let claims = extractor.corpus(&corpus);
    let mut got = std::collections::HashMap::new();
    for (report, claims) in corpus.reports.iter().zip(&claims) {
        let source = report.provenance.as_ref().map(|p| p.source.clone());
        if let (Some(source), Some(t)) = (source, of_report(report, claims)) {
            let name = Path::new(&source)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned());
            got.insert(name.unwrap_or_default(), (t.killed.low, t.injured.low));
        }
    }
    let n = rows.len() as f64;
    let (mut killed, mut injured) = (0, 0);
    for g in &rows {
        let (k, i) = got.get(&g.file).copied().unwrap_or((0, 0));
        killed += usize::from(k == g.killed);
        injured += usize::from(i == g.injured);
    }
    let (killed, injured) = (killed as f64 / n, injured as f64 / n);
    println!(
        "GVDB dev ({} clean articles): killed exact {killed:.2}, injured exact {injured:.2} (floor {FLOOR})",
        rows.len()
    );
    assert!(killed >= FLOOR, "killed exact {killed:.2} < {FLOOR}");
    assert!(injured >= FLOOR, "injured exact {injured:.2} < {FLOOR}");
}
