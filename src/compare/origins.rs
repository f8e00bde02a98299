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
                .map(str::to_lowercase)
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

/// Jaccard similarity of two passages' content words.
pub fn similarity(a: &Passage, b: &Passage) -> f64 {
    jaccard(&a.words, &b.words)
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

/// Passages grouped into classes of the same passage, reworded or not: `of[p]` is the class
/// of passage `p`, `None` when no other report has it.
#[derive(Debug, Clone, Default)]
pub struct Classes {
    /// Class per passage.
    pub of: Vec<Option<usize>>,
}

impl Classes {
    /// How many passage classes each pair of reports shares: ((later, earlier), count).
    pub fn pair_counts(&self, passages: &[Passage]) -> FxHashMap<(usize, usize), usize> {
        let mut reports_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (p, class) in self.of.iter().enumerate() {
            if let Some(c) = class {
                reports_of.entry(*c).or_default().push(passages[p].report);
            }
        }
        let mut counts: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for mut reports in reports_of.into_values() {
            reports.sort_unstable();
            reports.dedup();
            for (i, &a) in reports.iter().enumerate() {
                for &b in &reports[..i] {
                    *counts.entry((a, b)).or_default() += 1;
                }
            }
        }
        counts
    }
}

/// Group passages into classes. Candidates share a MinHash band (linear in the number of
/// passages); a passage joins its bucket's first member's class when they are at least
/// [`PASSAGE_SIMILARITY`] alike.
pub fn classes(passages: &[Passage]) -> Classes {
    let mut root: Vec<usize> = (0..passages.len()).collect();
    fn find(root: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while root[r] != r {
            root[r] = root[root[r]];
            r = root[r];
        }
        r
    }
    let mut first_in: FxHashMap<(usize, u64, u64), usize> = FxHashMap::default();
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
            match first_in.entry((band, mins[0], mins[1])) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(p);
                }
                std::collections::hash_map::Entry::Occupied(e) => {
                    let q = *e.get();
                    let (rp, rq) = (find(&mut root, p), find(&mut root, q));
                    if rp != rq && jaccard(&passage.words, &passages[q].words) >= PASSAGE_SIMILARITY
                    {
                        root[rp] = rq;
                    }
                }
            }
        }
    }
    // Classes are the groups spanning two reports or more.
    let mut reports_in: FxHashMap<usize, FxHashSet<usize>> = FxHashMap::default();
    for (p, passage) in passages.iter().enumerate() {
        let r = find(&mut root, p);
        reports_in.entry(r).or_default().insert(passage.report);
    }
    let of = (0..passages.len())
        .map(|p| {
            let r = find(&mut root, p);
            (reports_in[&r].len() > 1).then_some(r)
        })
        .collect();
    Classes { of }
}

/// Why two reports are one origin.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reason {
    /// Both carry this agency's copy.
    Agency(String),
    /// They share this many passages.
    Passages(usize),
}

/// Two reports (by index) joined for a reason.
type Link = (usize, usize, Reason);

/// A group of reports with one origin, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Origin {
    /// Report ids.
    pub reports: Vec<String>,
    /// Why they are one origin ("same agency AFP; 5 shared passages").
    pub why: String,
}

/// Group `reports` into origins, given how many passages each pair shares (keys
/// (later, earlier) as [`Classes::pair_counts`] gives them). Returns the group of each report
/// and the groups with their reasons.
pub fn group(
    reports: &[&Report],
    shared: &FxHashMap<(usize, usize), usize>,
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
    let count: FxHashMap<(usize, usize), usize> = shared
        .iter()
        .map(|(&(a, b), &n)| ((a.min(b), a.max(b)), n))
        .collect();
    // Why reports are joined: (report, report, same agency | shared passages).
    let mut links: Vec<Link> = Vec::new();
    let mut by_agency: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, r) in reports.iter().enumerate() {
        if let Some(a) = r.wire.value() {
            by_agency.entry(a.to_ascii_lowercase()).or_default().push(i);
        }
    }
    let mut agencies: Vec<(String, Vec<usize>)> = by_agency.into_iter().collect();
    agencies.sort();
    for (_, members) in agencies {
        for pair in members.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            links.push((
                a,
                b,
                Reason::Agency(reports[a].wire.value().cloned().unwrap_or_default()),
            ));
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = count
        .into_iter()
        .filter(|(_, n)| *n >= SHARED_PASSAGES)
        .collect();
    pairs.sort();
    for ((a, b), shared) in pairs {
        links.push((a, b, Reason::Passages(shared)));
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[ra] = rb;
    }
    let mut group_of = vec![0; n];
    let mut index_of_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members_of: Vec<Vec<usize>> = Vec::new();
    for (i, g) in group_of.iter_mut().enumerate() {
        let root = find(&mut parent, i);
        *g = *index_of_root.entry(root).or_insert_with(|| {
            members_of.push(Vec::new());
            members_of.len() - 1
        });
        members_of[*g].push(i);
    }
    let mut links_of: Vec<Vec<&Link>> = vec![Vec::new(); members_of.len()];
    for link in &links {
        links_of[group_of[link.0]].push(link);
    }
    let origins = members_of
        .iter()
        .zip(&links_of)
        .map(|(members, links)| Origin {
            reports: members.iter().map(|&i| reports[i].id.clone()).collect(),
            why: why(reports, members, links),
        })
        .collect();
    (group_of, origins)
}

/// Reasons for one origin: pair by pair for a few reports, summed up for many.
fn why(reports: &[&Report], members: &[usize], links: &[&Link]) -> String {
    if links.is_empty() {
        return "its own reporting".to_string();
    }
    if members.len() <= 4 {
        let mut pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.0, l.1)).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let lines: Vec<String> = pairs
            .iter()
            .map(|&(a, b)| {
                let reasons: Vec<String> = links
                    .iter()
                    .filter(|l| (l.0, l.1) == (a, b))
                    .map(|l| match &l.2 {
                        Reason::Agency(agency) => format!("same agency {agency}"),
                        Reason::Passages(n) => format!("{n} shared passages"),
                    })
                    .collect();
                format!(
                    "{} and {}: {}",
                    reports[a].id,
                    reports[b].id,
                    reasons.join(", ")
                )
            })
            .collect();
        return lines.join("; ");
    }
    let mut agencies: Vec<&str> = links
        .iter()
        .filter_map(|l| {
            if let Reason::Agency(a) = &l.2 {
                Some(a.as_str())
            } else {
                None
            }
        })
        .collect();
    agencies.sort_unstable();
    agencies.dedup();
    let passage_pairs: Vec<usize> = links
        .iter()
        .filter_map(|l| {
            if let Reason::Passages(n) = l.2 {
                Some(n)
            } else {
                None
            }
        })
        .collect();
    let mut parts = Vec::new();
    if !agencies.is_empty() {
        parts.push(format!("same agency {}", agencies.join(", ")));
    }
    if let Some(most) = passage_pairs.iter().max() {
        parts.push(format!(
            "{} pairs of reports share {SHARED_PASSAGES} to {most} passages",
            passage_pairs.len()
        ));
    }
    parts.join("; ")
}
