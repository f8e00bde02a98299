//! Which reports share an origin: the same wire agency, or reused passages.
//!
//! Reworded copies of one wire story share few exact word sequences (translation and editing
//! change them), but their sentences keep most of their content words. So passages are
//! compared sentence by sentence on content words: candidates come from MinHash banding
//! (locality-sensitive hashing, linear in the number of sentences), and are confirmed by exact
//! Jaccard similarity. Reports reusing several passages, or carrying the same agency's copy,
//! are one origin.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::model::Report;

/// Content words a sentence needs before it is compared.
const MIN_WORDS: usize = 5;
/// Similarity (Jaccard on content words) from which two sentences are one passage reworded.
pub const PASSAGE_SIMILARITY: f64 = 0.4;
/// Reused passages that make two reports one origin.
pub const SHARED_PASSAGES: usize = 3;
/// MinHash bands and rows per band: a pair at the threshold shares a band with probability
/// about 0.83, at 0.5 about 0.94.
const BANDS: usize = 10;
const ROWS: usize = 2;

const STOPWORDS: &[&str] = &[
    "the", "and", "was", "were", "are", "been", "has", "have", "had", "that", "this", "for",
    "with", "from", "its", "their", "his", "her", "which", "who", "said", "after", "over", "not",
    "but", "also", "they", "than", "into", "about", "more", "there", "would", "could",
];

/// A sentence of a report, as compared.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Index of the report in the comparison.
    pub report: usize,
    /// Byte span in the report's body.
    pub span: [usize; 2],
    words: Vec<u64>,
}

/// Two passages of different reports that say the same thing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SharedPassage {
    /// Index into the passages of the first report's side.
    pub a: usize,
    /// Index into the passages of the other.
    pub b: usize,
    /// Jaccard similarity of their content words.
    pub similarity: f64,
}

fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// The passages of `reports`: their sentences with enough content words.
pub fn passages(reports: &[&Report]) -> Vec<Passage> {
    let mut out = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        for [a, b] in crate::extract::sentence_spans(&report.body) {
            let mut words: Vec<u64> = report.body[a..b]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(|w| w.to_lowercase())
                .filter(|w| !STOPWORDS.contains(&w.as_str()))
                .map(|w| word_hash(&w))
                .collect();
            words.sort_unstable();
            words.dedup();
            if words.len() >= MIN_WORDS {
                out.push(Passage {
                    report: r,
                    span: [a, b],
                    words,
                });
            }
        }
    }
    out
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    // Both sorted and deduplicated: a merge counts the intersection.
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// Pairs of passages from different reports at or above [`PASSAGE_SIMILARITY`], each passage
/// in at most one pair (its best).
pub fn shared_passages(passages: &[Passage]) -> Vec<SharedPassage> {
    let mut buckets: FxHashMap<(usize, u64, u64), Vec<usize>> = FxHashMap::default();
    for (p, passage) in passages.iter().enumerate() {
        for band in 0..BANDS {
            let mut mins = [u64::MAX; ROWS];
            for (row, min) in mins.iter_mut().enumerate() {
                let seed = ((band * ROWS + row) as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                *min = passage
                    .words
                    .iter()
                    .map(|w| (w ^ seed).wrapping_mul(0xD6E8_FEB8_6659_FD93))
                    .min()
                    .unwrap_or(u64::MAX);
            }
            buckets.entry((band, mins[0], mins[1])).or_default().push(p);
        }
    }
    let mut candidates: FxHashSet<(usize, usize)> = FxHashSet::default();
    for members in buckets.values() {
        // A bucket holding a phrase every report repeats would be quadratic: cap it.
        for (i, &x) in members.iter().enumerate().take(64) {
            for &y in members[i + 1..].iter().take(64) {
                if passages[x].report != passages[y].report {
                    candidates.insert((x.min(y), x.max(y)));
                }
            }
        }
    }
    let mut pairs: Vec<SharedPassage> = candidates
        .into_iter()
        .filter_map(|(a, b)| {
            let similarity = jaccard(&passages[a].words, &passages[b].words);
            (similarity >= PASSAGE_SIMILARITY).then_some(SharedPassage { a, b, similarity })
        })
        .collect();
    // Best pairs first; each passage keeps only its best match per other report.
    pairs.sort_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut taken: FxHashSet<(usize, usize)> = FxHashSet::default();
    pairs.retain(|p| {
        let (ra, rb) = (passages[p.a].report, passages[p.b].report);
        let fresh = !taken.contains(&(p.a, rb)) && !taken.contains(&(p.b, ra));
        if fresh {
            taken.insert((p.a, rb));
            taken.insert((p.b, ra));
        }
        fresh
    });
    pairs
}

/// A group of reports with one origin, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Origin {
    /// Report ids.
    pub reports: Vec<String>,
    /// Why they are one origin ("same agency AFP; 5 shared passages").
    pub why: String,
}

/// Group `reports` (indices as in `passages`) into origins. Returns the group of each report
/// and the groups with their reasons.
pub fn group(
    reports: &[&Report],
    passages: &[Passage],
    shared: &[SharedPassage],
) -> (Vec<usize>, Vec<Origin>) {
    let n = reports.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], x: usize) -> usize {
        let mut root = x;
        while parent[root] != root {
            root = parent[root];
        }
        let mut y = x;
        while parent[y] != root {
            let next = parent[y];
            parent[y] = root;
            y = next;
        }
        root
    }
    let mut count: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for p in shared {
        let (a, b) = (passages[p.a].report, passages[p.b].report);
        *count.entry((a.min(b), a.max(b))).or_default() += 1;
    }
    let mut reasons: FxHashMap<(usize, usize), Vec<String>> = FxHashMap::default();
    let agency = |r: &Report| r.wire.value().map(|w| w.to_ascii_lowercase());
    let mut by_agency: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, r) in reports.iter().enumerate() {
        if let Some(a) = agency(r) {
            by_agency.entry(a).or_default().push(i);
        }
    }
    for members in by_agency.values() {
        for pair in members.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let name = reports[a].wire.value().cloned().unwrap_or_default();
            reasons
                .entry((a, b))
                .or_default()
                .push(format!("same agency {name}"));
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = count.into_iter().collect();
    pairs.sort();
    for ((a, b), shared) in pairs {
        if shared >= SHARED_PASSAGES {
            reasons
                .entry((a, b))
                .or_default()
                .push(format!("{shared} shared passages"));
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut order: Vec<usize> = Vec::new();
    for &r in &roots {
        if !order.contains(&r) {
            order.push(r);
        }
    }
    let group_of: Vec<usize> = roots
        .iter()
        .map(|r| {
            order
                .iter()
                .position(|o| o == r)
                .expect("every root is listed")
        })
        .collect();
    let origins = order
        .iter()
        .map(|&root| {
            let members: Vec<usize> = (0..n).filter(|&i| roots[i] == root).collect();
            let mut why: Vec<String> = Vec::new();
            for (&(a, b), list) in &reasons {
                if members.contains(&a) && members.contains(&b) {
                    why.push(format!(
                        "{} and {}: {}",
                        reports[a].id,
                        reports[b].id,
                        list.join(", ")
                    ));
                }
            }
            why.sort();
            Origin {
                reports: members.iter().map(|&i| reports[i].id.clone()).collect(),
                why: if why.is_empty() {
                    "its own reporting".to_string()
                } else {
                    why.join("; ")
                },
            }
        })
        .collect();
    (group_of, origins)
}
