//! A regrouping of a file's reports under the current rules: every report placed afresh, as an
//! import into an empty file would place it, and the groups found matched to the file's
//! incidents. What differs is proposed report by report, with the reason import gives.

use rustc_hash::FxHashMap;

use super::read::{Article, text_hash};
use crate::extract::Extractor;
use crate::model::{Corpus, Incident, Report};

/// A report the current rules would put under another incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The report's id.
    pub report: String,
    /// Its main incident now, if any.
    pub from: Option<String>,
    /// The incident it would go under.
    pub to: String,
    /// Why (import's explanation of its placement).
    pub why: String,
}

/// What a regrouping would do: the moves, and the incidents it would make for them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Regrouping {
    /// Reports to move, in file order.
    pub moves: Vec<Proposal>,
    /// Incidents to make (ids free in the file).
    pub created: Vec<Incident>,
}

/// The regrouping the current rules propose for `corpus`.
pub fn propose(corpus: &Corpus, extractor: &Extractor) -> Regrouping {
    let mut fresh = Corpus::new();
    let articles = corpus.reports.iter().map(Article::of_report).collect();
    let summary = super::import(&mut fresh, articles, extractor);
    let why: FxHashMap<&str, &str> = summary
        .added
        .iter()
        .map(|(id, _, _, how)| (id.as_str(), how.as_str()))
        .collect();
    // Each report's fresh group (a report with the same text as another goes with it).
    let by_text: FxHashMap<String, &Report> = fresh
        .reports
        .iter()
        .map(|r| (text_hash(&r.body), r))
        .collect();
    let placed: Vec<Option<&Report>> = corpus
        .reports
        .iter()
        .map(|r| by_text.get(&text_hash(&r.body)).copied())
        .collect();
    // Each fresh group takes the file's incident most of its reports are under now, biggest
    // groups first; an incident goes to one group only.
    let mut members: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (n, f) in placed.iter().enumerate() {
        if let Some(group) = f.and_then(|f| f.incidents.first()) {
            members.entry(group.as_str()).or_default().push(n);
        }
    }
    let mut groups: Vec<(&str, Vec<usize>)> = members.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.1[0].cmp(&b.1[0])));
    let mut taken: Vec<&str> = Vec::new();
    let mut target: FxHashMap<&str, String> = FxHashMap::default();
    let mut out = Regrouping::default();
    for (group, reports) in &groups {
        let mut votes: Vec<(&str, usize, usize)> = Vec::new();
        for &n in reports {
            if let Some(now) = corpus.reports[n].incidents.first()
                && !taken.contains(&now.as_str())
            {
                match votes.iter_mut().find(|v| v.0 == now) {
                    Some(v) => v.1 += 1,
                    None => votes.push((now, 1, n)),
                }
            }
        }
        votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let id = match votes.first() {
            Some(&(existing, _, _)) => {
                taken.push(existing);
                existing.to_string()
            }
            None => {
                let mut record = fresh
                    .incident(group)
                    .cloned()
                    .expect("a fresh group is an incident");
                let free =
                    |c: &str| corpus.incident(c).is_none() && out.created.iter().all(|i| i.id != c);
                record.id = (1..)
                    .map(|k| match k {
                        1 => record.id.clone(),
                        k => format!("{}-{k}", record.id),
                    })
                    .find(|c| free(c))
                    .expect("some suffix is free");
                let id = record.id.clone();
                out.created.push(record);
                id
            }
        };
        target.insert(group, id);
    }
    for (n, f) in placed.iter().enumerate() {
        let Some(f) = f else { continue };
        let Some(to) = f.incidents.first().and_then(|g| target.get(g.as_str())) else {
            continue;
        };
        let report = &corpus.reports[n];
        if report.incidents.first() == Some(to) {
            continue;
        }
        out.moves.push(Proposal {
            report: report.id.clone(),
            from: report.incidents.first().cloned(),
            to: to.clone(),
            why: why.get(f.id.as_str()).copied().unwrap_or("").to_string(),
        });
    }
    // An incident made for no report that moves is not needed.
    out.created
        .retain(|i| out.moves.iter().any(|m| m.to == i.id));
    out
}
