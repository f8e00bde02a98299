//! Claim extraction: each report turned into structured, attributed claims.
//!
//! A report is split into sentences (sentencex), tokenized once, and each sentence is read by
//! general rules whose vocabulary is the lexicon (`assets/lexicon.ron`): casualty counts,
//! locations, times, actors, responsibility, means, and attributed statements. Each claim gets
//! its attribution (the nearest attribution frame), its hedge, and its incident (see
//! [`incident`]). Extraction never panics on any UTF-8 input.

pub mod actors;
pub mod attribution;
pub mod caption;
pub mod casualty;
pub mod common_words;
mod elsewhere;
mod filing;
pub mod gazetteer;
pub mod geocode;
pub mod incident;
pub mod lexicon;
pub mod location;
pub mod names;
pub mod numbers;
mod person_nouns;
mod phrases;
mod reader;
mod sites;

pub use filing::Reading;
pub use sites::is_site;
mod speakers;
pub mod tally;
pub mod timex;
pub mod tokens;

use rayon::prelude::*;

use crate::model::{Claim, Corpus, Detail, Report};
use attribution::Frame;
use incident::Incidents;
use lexicon::Lexicon;
use tokens::Tokens;

/// How far into a text (bytes) its masthead reaches: the dateline, the page's posting stamp.
pub const TOP_BYTES: usize = 600;

/// Reads reports with one lexicon.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: std::sync::Arc<Lexicon>,
}

/// A sentence: its bytes and tokens.
#[derive(Debug, Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
    from: usize,
    to: usize,
}

thread_local! {
    // Building the segmenter compiles its rules; once per thread is enough.
    static ENGLISH: Box<dyn sentencex::languages::Language> = sentencex::language_factory("en");
}

fn sentences(body: &str, toks: &Tokens) -> Vec<Sentence> {
    let bounds = ENGLISH.with(|lang| {
        lang.get_sentence_boundaries(body)
            .into_iter()
            .map(|b| (b.start_byte, b.end_byte, b.is_paragraph_break))
            .collect::<Vec<_>>()
    });
    let mut out: Vec<Sentence> = Vec::with_capacity(bounds.len());
    for (start, end, paragraph) in bounds {
        if paragraph
            || start >= end
            || end > body.len()
            || !body.is_char_boundary(start)
            || !body.is_char_boundary(end)
        {
            continue;
        }
        let text = &body[start..end];
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (start, end) = (start + lead, start + lead + trimmed.len());
        // A "sentence" starting in lower case is the rest of the one before, cut by a stray
        // period ("were present there. mass and that ..."), as garbled copy often has.
        if let Some(last) = out.last_mut()
            && trimmed.chars().next().is_some_and(char::is_lowercase)
            && !body[last.end..start].contains('\n')
        {
            last.end = end;
            last.to = toks.index_at(end);
            continue;
        }
        // One line of a text can still hold several paragraphs' worth of lines (captions,
        // datelines): split at line breaks too, which sentences never cross in news copy.
        let mut line_start = start;
        for line in body[start..end].split('\n') {
            let line_end = line_start + line.len();
            let mut piece_start = line_start;
            for stop in glued_stops(line)
                .map(|p| line_start + p + 1)
                .chain([line_end])
            {
                let piece = &body[piece_start..stop];
                let (ls, le) = (
                    piece_start + (piece.len() - piece.trim_start().len()),
                    piece_start + piece.trim_end().len(),
                );
                if ls < le {
                    out.push(Sentence {
                        start: ls,
                        end: le,
                        from: toks.index_at(ls),
                        to: toks.index_at(le),
                    });
                }
                piece_start = stop;
            }
            line_start = line_end + 1;
        }
    }
    out
}

/// Periods that end a sentence with no space after them, as scraped copy often has ("over
/// the weekend.12 year-old Liesel", "to the hospital.The man"): after two lower-case letters
/// and before a capital or a digit, so "p.m.", "U.S." and "3.5" stay whole. Byte offsets.
fn glued_stops(line: &str) -> impl Iterator<Item = usize> + '_ {
    let b = line.as_bytes();
    // Periods are found by the standard library's byte search, so a long line costs little.
    line.match_indices('.').map(|(p, _)| p).filter(move |&p| {
        p >= 2
            && p + 1 < b.len()
            && b[p - 1].is_ascii_lowercase()
            && b[p - 2].is_ascii_lowercase()
            && (b[p + 1].is_ascii_uppercase() || b[p + 1].is_ascii_digit())
    })
}

/// The sentences of a text as byte spans, as extraction reads them.
pub fn sentence_spans(body: &str) -> Vec<[usize; 2]> {
    let lower = body.to_ascii_lowercase();
    let toks = Tokens::new(body, &lower);
    sentences(body, &toks)
        .into_iter()
        .map(|s| [s.start, s.end])
        .collect()
}

/// Loads the gazetteer and the word lists now, on every core, rather than when the first
/// article needs them, with the other cores waiting: what a batch run does before its first
/// line.
pub fn warm_up() {
    rayon::join(
        || {
            gazetteer::gazetteer();
        },
        || {
            common_words::is_common("the");
            names::is_first_name("anna");
        },
    );
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            lex: Lexicon::defaults(),
        }
    }
}

impl Extractor {
    /// An extractor using `lex`.
    pub fn new(lex: Lexicon) -> Self {
        Extractor {
            lex: std::sync::Arc::new(lex),
        }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The claims of every report, in corpus order, read in parallel.
    pub fn corpus(&self, corpus: &Corpus) -> Vec<Vec<Claim>> {
        let incidents = Incidents::new(corpus);
        corpus
            .reports
            .par_iter()
            .map(|r| self.report_in(r, &incidents))
            .collect()
    }

    /// The claims of one report of `corpus`, in text order.
    pub fn report(&self, report: &Report, corpus: &Corpus) -> Vec<Claim> {
        self.report_in(report, &Incidents::new(corpus))
    }

    /// The claims of one report, with the corpus's incidents already indexed.
    pub fn report_in(&self, report: &Report, incidents: &Incidents) -> Vec<Claim> {
        let mut claims = reader::read(&self.lex, report, incidents);
        caption::credit(&report.body, &mut claims);
        claims
    }

    /// The reading of one report under `incidents`, kept to be filed under others (as an
    /// import files a report under the incident its reading points to) without reading the
    /// text again.
    pub fn reading(&self, report: &Report, incidents: &Incidents) -> Reading {
        let (mut claims, facts) = reader::read_kept(&self.lex, report, incidents);
        caption::credit(&report.body, &mut claims);
        Reading::new(claims, facts)
    }
}

/// An anaphoric confirmation ("confirmed this assessment") gives its sources to the counts of
/// the sentence before that the report stated in its own voice.
fn confirm_previous(claims: &mut [Claim], previous: &Sentence, frame: &Frame) {
    for claim in claims
        .iter_mut()
        .rev()
        .take_while(|c| c.sentence[0] == previous.start)
    {
        if claim.attribution.kind == crate::model::SourceKind::TheReport
            && matches!(claim.detail, Detail::Casualty { .. })
        {
            claim.attribution = frame.attribution.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_glued_to_the_next_sentence_still_ends_one() {
        let body = "A girl died over the weekend.12 year-old Liesel Casto was killed. \
                    He was taken to the hospital.The man is stable.";
        let spans: Vec<&str> = sentence_spans(body)
            .iter()
            .map(|[s, e]| &body[*s..*e])
            .collect();
        assert_eq!(
            spans,
            [
                "A girl died over the weekend.",
                "12 year-old Liesel Casto was killed.",
                "He was taken to the hospital.",
                "The man is stable."
            ]
        );
        // Abbreviations, initials and decimals are no sentence ends.
        for whole in [
            "at 5 p.m.Friday",
            "the U.S.Army",
            "a 3.5 mile walk",
            "cnn.com",
        ] {
            assert_eq!(glued_stops(whole).count(), 0, "{whole}");
        }
    }
}
