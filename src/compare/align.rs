//! Two reports side by side: their sentences aligned like a diff, so that passages one reuses
//! from the other (reworded or not, as [`super::origins`] found them) sit on one row.
//! Computed once when the pair is chosen; the interface only draws the rows.

use crate::model::Report;

use super::PassageRef;

/// A row: a sentence of each report (either may be missing), and whether the two are one
/// passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    /// Byte span of the left report's sentence.
    pub left: Option<[usize; 2]>,
    /// Byte span of the right report's sentence.
    pub right: Option<[usize; 2]>,
    /// True when the two sentences are one passage reused.
    pub shared: bool,
}

/// Align the sentences of `left` and `right`: passages they share (the same class in
/// `passages`), in order on both sides, on one row each; the sentences between two such rows
/// side by side. Greedy: a match going back on the right is dropped.
pub fn align(left: &Report, right: &Report, passages: &[PassageRef]) -> Vec<Row> {
    let classes = |report: &Report| -> Vec<([usize; 2], Option<usize>)> {
        crate::extract::sentence_spans(&report.body)
            .into_iter()
            .map(|s| {
                let class = passages
                    .iter()
                    .find(|p| p.report == report.id && p.span == s)
                    .and_then(|p| p.class);
                (s, class)
            })
            .collect()
    };
    let lefts = classes(left);
    let rights = classes(right);
    let mut matches: Vec<(usize, usize)> = Vec::new();
    let mut used = vec![false; rights.len()];
    for (i, (_, class)) in lefts.iter().enumerate() {
        let after = matches.last().map_or(0, |m| m.1 + 1);
        if let Some(c) = class
            && let Some(j) = (after..rights.len()).find(|&j| !used[j] && rights[j].1 == Some(*c))
        {
            used[j] = true;
            matches.push((i, j));
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(mi, mj) in matches
        .iter()
        .chain(std::iter::once(&(lefts.len(), rights.len())))
    {
        let (ls, rs) = (&lefts[i..mi], &rights[j..mj]);
        for n in 0..ls.len().max(rs.len()) {
            out.push(Row {
                left: ls.get(n).map(|x| x.0),
                right: rs.get(n).map(|x| x.0),
                shared: false,
            });
        }
        if mi < lefts.len() {
            out.push(Row {
                left: Some(lefts[mi].0),
                right: Some(rights[mj].0),
                shared: true,
            });
        }
        (i, j) = (mi + 1, mj + 1);
    }
    out
}
