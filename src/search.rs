//! Fuzzy search over headlines, article text (sentence by sentence), claims, notes and tags,
//! ranked by fuzzy-matcher's skim scorer. Built to answer each keystroke over the claims of
//! 10,000 reports in a few tens of milliseconds: a cheap subsequence test on a lowercased
//! copy rules out most items before the scorer runs, a query that extends the previous one
//! only looks at what that one matched, and scoring runs on all cores.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use serde::Serialize;

use crate::annotate::{Annotations, Attached};
use crate::model::{Claim, Corpus};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A report's headline.
    Headline,
    /// A sentence of a report's text.
    Text,
    /// A claim's words.
    Claim,
    /// An analyst's note on a claim or a source.
    Note,
    /// A claim's tag.
    Tag,
}

impl HitKind {
    /// A short label for lists.
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Headline => "headline",
            HitKind::Text => "text",
            HitKind::Claim => "claim",
            HitKind::Note => "note",
            HitKind::Tag => "tag",
        }
    }
}

/// One searchable thing. Its words are not copied: a headline, a sentence or a claim's words
/// are read from the corpus when shown (the lowercased copy the search runs over is the one
/// copy kept), so that the index of 10,000 reports stays a fraction of their size.
#[derive(Debug, Clone)]
pub struct Item {
    /// What it is.
    pub kind: HitKind,
    /// The report's corpus index.
    pub report: usize,
    /// The claim's id, for claims, notes and tags on claims.
    pub claim: Option<Box<str>>,
    /// Byte offset in the report body the hit points at.
    pub at: usize,
    /// Where its words are: a span of the report's body, or its own (headlines, notes, tags).
    words: Words,
    lower: Box<str>,
}

#[derive(Debug, Clone)]
enum Words {
    Body(u32, u32),
    Headline,
    Own(Box<str>),
}
/// A ranked hit: the item's index and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`SearchIndex::items`].
    pub item: usize,
    /// The scorer's score.
    pub score: i64,
}

/// The answer to a query.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Every item that matched (for narrowing the next, longer query).
    pub matched: Vec<usize>,
    /// How many items matched in all.
    pub total: usize,
}

/// The searchable items of a corpus.
#[derive(Debug, Default)]
pub struct SearchIndex {
    corpus: std::sync::Arc<Corpus>,
    items: Vec<Item>,
    /// Items from annotations start here; they are replaced when annotations change.
    fixed: usize,
}

/// Words as searched and shown: one line, sanitised.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    if text.contains('\n') || text.chars().any(crate::text::is_unsafe) {
        std::borrow::Cow::Owned(crate::text::sanitize(text).replace('\n', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn item(
    kind: HitKind,
    report: usize,
    claim: Option<&str>,
    at: usize,
    words: Words,
    text: &str,
) -> Item {
    Item {
        kind,
        report,
        claim: claim.map(Box::from),
        at,
        lower: shown(text).to_lowercase().into_boxed_str(),
        words,
    }
}

fn span(start: usize, end: usize) -> Words {
    Words::Body(start as u32, end as u32)
}

impl SearchIndex {
    /// Index the headlines, sentences and claims (`claims` per report, in corpus order).
    pub fn build(corpus: std::sync::Arc<Corpus>, claims: &[Vec<Claim>]) -> Self {
        let per_report: Vec<Vec<Item>> = corpus
            .reports
            .par_iter()
            .enumerate()
            .map(|(r, report)| {
                let mut out = Vec::new();
                if let Some(h) = report.headline.value() {
                    out.push(item(HitKind::Headline, r, None, 0, Words::Headline, h));
                }
                let body = &report.body;
                for [start, end] in crate::extract::sentence_spans(body) {
                    let words = span(start, end);
                    out.push(item(
                        HitKind::Text,
                        r,
                        None,
                        start,
                        words,
                        &body[start..end],
                    ));
                }
                for c in claims.get(r).into_iter().flatten() {
                    // A claim's words are its span of the body, unless the claim was made
                    // from other words (manual claims carry their own).
                    let [start, end] = c.span;
                    let words = if body.get(start..end) == Some(c.text.as_str()) {
                        span(start, end)
                    } else {
                        Words::Own(c.text.clone().into_boxed_str())
                    };
                    out.push(item(HitKind::Claim, r, Some(&c.id), start, words, &c.text));
                }
                out
            })
            .collect();
        let items: Vec<Item> = per_report.into_iter().flatten().collect();
        let fixed = items.len();
        SearchIndex {
            corpus,
            items,
            fixed,
        }
    }

    /// The words of item `i`, as shown (one line, sanitised).
    pub fn text(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let Some(it) = self.items.get(i) else {
            return std::borrow::Cow::Borrowed("");
        };
        let report = self.corpus.reports.get(it.report);
        let raw = match &it.words {
            Words::Own(text) => text,
            Words::Headline => report
                .and_then(|r| r.headline.value())
                .map_or("", |h| h.as_str()),
            Words::Body(start, end) => report
                .and_then(|r| r.body.get(*start as usize..*end as usize))
                .unwrap_or(""),
        };
        shown(raw)
    }

    /// Replace the items taken from annotations (notes and tags) with those of `annotations`.
    pub fn set_notes(&mut self, corpus: &Corpus, annotations: &Annotations, attached: &Attached) {
        self.items.truncate(self.fixed);
        let current_of: rustc_hash::FxHashMap<&str, &str> = attached
            .by_claim
            .iter()
            .map(|(id, key)| (key.as_str(), id.as_str()))
            .collect();
        let report_of: rustc_hash::FxHashMap<&str, usize> = corpus
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        for (key, note) in &annotations.claims {
            let (Some(&r), Some(id)) = (
                report_of.get(note.anchor.report.as_str()),
                current_of.get(key.as_str()),
            ) else {
                continue;
            };
            let at = note.anchor.span[0];
            let own = |text: &str| Words::Own(text.into());
            if !note.note.is_empty() {
                let words = own(&note.note);
                self.items
                    .push(item(HitKind::Note, r, Some(id), at, words, &note.note));
            }
            for tag in &note.tags {
                self.items
                    .push(item(HitKind::Tag, r, Some(id), at, own(tag), tag));
            }
        }
        for (report, note) in &annotations.sources {
            if let Some(&r) = report_of.get(report.as_str())
                && !note.note.is_empty()
            {
                let words = Words::Own(note.note.as_str().into());
                self.items
                    .push(item(HitKind::Note, r, None, 0, words, &note.note));
            }
        }
    }

    /// Every item.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The `limit` best items for `query`. With `within` (what a query this one extends
    /// matched), only those are looked at.
    pub fn search(&self, query: &str, within: Option<&[usize]>, limit: usize) -> Answer {
        let query = query.trim();
        if query.is_empty() {
            return Answer::default();
        }
        let needle: Vec<u8> = query.to_lowercase().into_bytes();
        let span = max_span(&needle);
        // First the cheap test: the query's characters in order, close together.
        let candidates: Vec<usize> = match within {
            Some(ids) => ids
                .par_iter()
                .copied()
                .filter(|&i| near_subsequence(&needle, self.items[i].lower.as_bytes(), span))
                .collect(),
            None => (0..self.items.len())
                .into_par_iter()
                .filter(|&i| near_subsequence(&needle, self.items[i].lower.as_bytes(), span))
                .collect(),
        };
        // Then the scorer, unless the query is so short that nearly everything matches; then
        // a cheap score (a whole-word or substring match, early, in a short text) ranks.
        let mut hits: Vec<Hit> = if candidates.len() > SCORE_AT_MOST {
            candidates
                .par_iter()
                .map(|&i| {
                    let hay = self.items[i].lower.as_bytes();
                    Hit {
                        item: i,
                        score: tier(&needle, hay) + cheap_score(&needle, hay),
                    }
                })
                .collect()
        } else {
            let matcher = SkimMatcherV2::default().ignore_case();
            candidates
                .par_iter()
                .filter_map(|&i| {
                    let tier = tier(&needle, self.items[i].lower.as_bytes());
                    matcher.fuzzy_match(&self.text(i), query).map(|score| Hit {
                        item: i,
                        score: tier + score,
                    })
                })
                .collect()
        };
        let mut matched: Vec<usize> = hits.iter().map(|h| h.item).collect();
        matched.sort_unstable();
        let total = hits.len();
        let order = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.item.cmp(&b.item));
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        Answer {
            hits,
            matched,
            total,
        }
    }

    /// Char indices of `query`'s characters in item `i`'s text, to highlight.
    pub fn highlight(&self, i: usize, query: &str) -> Vec<usize> {
        SkimMatcherV2::default()
            .ignore_case()
            .fuzzy_indices(&self.text(i), query.trim())
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }
}

/// Candidates above this many are ranked by [`cheap_score`] instead of the fuzzy scorer.
const SCORE_AT_MOST: usize = 20_000;

/// How far apart (in bytes) the first and last matched characters may be: a query's letters
/// strewn across a whole sentence match nothing a person meant.
fn max_span(needle: &[u8]) -> usize {
    needle.len() * 3 + 8
}

/// True when `needle`'s bytes (spaces aside) occur in `hay` in order within `span` bytes.
/// Lowercase UTF-8 on both sides.
fn near_subsequence(needle: &[u8], hay: &[u8], span: usize) -> bool {
    let mut chars = needle.iter().copied().filter(|b| *b != b' ');
    let Some(first) = chars.next() else {
        return true;
    };
    let rest: Vec<u8> = chars.collect();
    let mut from = 0;
    while let Some(at) = hay[from..].iter().position(|&b| b == first) {
        let start = from + at;
        let end = (start + span).min(hay.len());
        let mut window = &hay[start + 1..end];
        let mut ok = true;
        for &b in &rest {
            match window.iter().position(|&x| x == b) {
                Some(i) => window = &window[i + 1..],
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return true;
        }
        from = start + 1;
    }
    false
}

/// Scores above any the scorers give: a whole-word match of the query outranks a word that
/// starts with it, which outranks the query inside a word, which outranks scattered letters
/// ("hasm" finds "Hasm" before "has m…", however the fuzzy scorer weighs the letters).
fn tier(needle: &[u8], hay: &[u8]) -> i64 {
    const STEP: i64 = 100_000;
    let boundary = |at: Option<&u8>| at.is_none_or(|b| !b.is_ascii_alphanumeric());
    let mut best = 0;
    let mut from = 0;
    while let Some(at) = hay
        .get(from..)
        .and_then(|rest| rest.windows(needle.len().max(1)).position(|w| w == needle))
    {
        let start = from + at;
        let end = start + needle.len();
        let starts = start == 0 || boundary(hay.get(start - 1));
        let rank = match (starts, boundary(hay.get(end))) {
            (true, true) => 3,
            (true, false) => 2,
            _ => 1,
        };
        best = best.max(rank);
        if best == 3 {
            break;
        }
        from = start + 1;
    }
    best * STEP
}

/// A quick score: the whole query as written beats scattered letters, at a word's start
/// better still, early and in a short text better than late or long.
fn cheap_score(needle: &[u8], hay: &[u8]) -> i64 {
    let found = hay.windows(needle.len().max(1)).position(|w| w == needle);
    let base = match found {
        Some(0) => 300,
        Some(at) if !hay[at - 1].is_ascii_alphanumeric() => 200,
        Some(_) => 100,
        None => 0,
    };
    base - (found.unwrap_or(hay.len()) as i64).min(100) / 4 - (hay.len() as i64).min(400) / 20
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn index() -> (Corpus, SearchIndex) {
        let corpus = crate::store::parse(
            crate::sample::TEXT.as_bytes(),
            std::path::Path::new("s.ron"),
        )
        .unwrap();
        let claims = Extractor::default().corpus(&corpus);
        let index = SearchIndex::build(std::sync::Arc::new(corpus.clone()), &claims);
        (corpus, index)
    }

    #[test]
    fn near_subsequences() {
        assert!(near_subsequence(b"hasm", b"the hasm movement", 20));
        assert!(near_subsequence(b"hsm", b"hasm", 20));
        assert!(!near_subsequence(b"hasm", b"h a s and much later m", 10));
        assert!(near_subsequence(
            b"police killed",
            b"policemen were killed",
            47
        ));
        assert!(cheap_score(b"has", b"has") > cheap_score(b"has", b"the hasm"));
        assert!(tier(b"hasm", b"the hasm group") > tier(b"hasm", b"the hasmid"));
        assert!(tier(b"hasm", b"the hasmid") > tier(b"hasm", b"chasm"));
        assert!(tier(b"hasm", b"chasm") > tier(b"hasm", b"has m"));
        assert_eq!(tier(b"hasm", b"hasm"), tier(b"hasm", b"(hasm)"));
        assert!(cheap_score(b"has", b"the hasm") > cheap_score(b"has", b"chase"));
    }

    #[test]
    fn finds_hasm_ranked_and_narrows() {
        let (_, index) = index();
        let a = index.search("has", None, 50);
        let b = index.search("hasm", Some(&a.matched), 50);
        let full = index.search("hasm", None, 50);
        assert_eq!(b.hits, full.hits, "narrowing never changes the answer");
        assert!(!b.hits.is_empty());
        let best = index.text(b.hits[0].item);
        assert!(best.to_lowercase().contains("hasm"), "{best}");
        assert!(b.hits.windows(2).all(|w| w[0].score >= w[1].score));
        let marks = index.highlight(b.hits[0].item, "hasm");
        assert_eq!(marks.len(), 4);
        assert!(index.search("zzzzqqq", None, 10).hits.is_empty());
    }

    #[test]
    fn notes_and_tags_are_searchable_and_replaced() {
        let (corpus, mut index) = index();
        let claims = Extractor::default().corpus(&corpus);
        let c = &claims[0][0];
        let mut a = Annotations::default();
        let target = crate::annotate::Target::Claim {
            id: c.id.clone(),
            anchor: crate::annotate::Anchor::of(c),
        };
        a.apply(&a.change(
            target.clone(),
            crate::annotate::Value::Note("check with UNHCR".into()),
        ));
        a.apply(&a.change(
            target,
            crate::annotate::Value::Tags(["wobbly".to_string()].into()),
        ));
        let attached = crate::annotate::attach(&a, &corpus, &claims);
        index.set_notes(&corpus, &a, &attached);
        let hit = index.search("unhcr", None, 5).hits[0];
        assert_eq!(index.items()[hit.item].kind, HitKind::Note);
        assert_eq!(
            index.items()[hit.item].claim.as_deref(),
            Some(c.id.as_str())
        );
        assert_eq!(
            index.items()[index.search("wobbly", None, 5).hits[0].item].kind,
            HitKind::Tag
        );
        index.set_notes(&corpus, &Annotations::default(), &attached);
        let after = index.search("wobbly", None, 50);
        assert!(
            after
                .hits
                .iter()
                .all(|h| index.items()[h.item].kind != HitKind::Tag)
        );
    }
}
