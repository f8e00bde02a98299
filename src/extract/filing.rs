//! Filing a reading under an incident without reading the text again.
//!
//! Importing reads a report before it has an incident (its lead decides which one it
//! joins), and its claims are then wanted under that incident. What the incident changes in
//! a reading is small: the incident each sentence is about, the day a relative date ("a week
//! after") resolves to, and whom an unqualified death toll counts (the first group counted
//! dead in the same incident's sentences). A reading keeps those facts per sentence, and
//! filing relabels its claims from them. Where the incident would change whom a toll counts,
//! the text is read again: the result is always what reading under the incident gives.

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::incident::{self, Incidents};
use super::lexicon::Lexicon;
use super::timex::{self, TimeExpr};
use super::tokens::Tokens;
use super::{Extractor, Sentence, elsewhere};
use crate::model::{BACKGROUND, Claim, Detail, PartialDate, Published, Report, Who};

/// What a reading found of each sentence that the incident it is filed under bears on.
#[derive(Debug, Default)]
pub(super) struct Facts {
    /// Each sentence's bytes, in text order.
    pub(super) spans: Vec<[usize; 2]>,
    /// Each sentence's time expressions.
    pub(super) times: Vec<Vec<TimeExpr>>,
    /// The bytes of each of those expressions, as its claim spans them.
    pub(super) time_spans: Vec<Vec<[usize; 2]>>,
    /// Whether a sentence has a background cue ("last month", "since").
    pub(super) cues: Vec<bool>,
    /// Whether a sentence counts over several events ("in separate incidents").
    pub(super) several: Vec<bool>,
    /// The states each sentence names.
    pub(super) states: Vec<Vec<u32>>,
    /// For each sentence with casualty claims, how it read the toll.
    pub(super) tolls: Vec<Option<TollRead>>,
}

/// How a sentence with casualty claims read its incident's toll: whom an unqualified toll
/// of it counted ("the death toll rose to 12"), and whom it gave later sentences of its
/// incident to count.
#[derive(Debug, Clone)]
pub(super) struct TollRead {
    /// When a count of the sentence took its group from the toll, the group its incident had
    /// counted dead before (`None` inside: none yet, so "people"). A sentence that never
    /// asked reads the same whatever the toll.
    pub(super) asked: Option<Option<Who>>,
    /// The first group the sentence counts dead, when it names one.
    pub(super) gives: Option<Who>,
}

impl Facts {
    /// What the incident bears on in each of `sentences` of `report`, tokenized as `toks`.
    pub(super) fn of(
        lex: &Lexicon,
        report: &Report,
        toks: &Tokens,
        sentences: &[Sentence],
    ) -> Self {
        let anchor = report.published.value().map(Published::date);
        let times: Vec<Vec<TimeExpr>> = sentences
            .iter()
            .map(|s| timex::find(toks, s.from, s.to, anchor))
            .collect();
        let several: Vec<bool> = sentences
            .iter()
            .map(|s| (s.from..s.to).any(|i| lex.several_events_at(toks, i)))
            .collect();
        // A sentence opening "Since ..." tells history ("Since the army removed Morsi, ...").
        let cues: Vec<bool> = sentences
            .iter()
            .zip(&several)
            .map(|(s, &several)| {
                several
                    || toks.is(s.from, "since")
                    || (s.from..s.to).any(|i| lex.background_cues.contains_at(toks, i))
            })
            .collect();
        Facts {
            spans: sentences.iter().map(|s| [s.start, s.end]).collect(),
            time_spans: times
                .iter()
                .map(|exprs| {
                    exprs
                        .iter()
                        .map(|e| [toks.start(e.start), toks.end(e.end - 1)])
                        .collect()
                })
                .collect(),
            times,
            cues,
            several,
            states: sentences
                .iter()
                .map(|s| elsewhere::states_named(toks, s.from, s.to))
                .collect(),
            tolls: vec![None; sentences.len()],
        }
    }

    /// The incident of each sentence of `report` among `incidents`: by its dates and cues,
    /// background when it counts over several events or is set in another state.
    pub(super) fn labels(&self, report: &Report, incidents: &Incidents) -> Vec<String> {
        let mut labels = incident::assign(report, incidents, &self.times, &self.cues);
        // A count over several events is no one incident's, whatever day it names ("Two
        // teens died on Thursday in separate incidents").
        for (label, _) in labels
            .iter_mut()
            .zip(&self.several)
            .filter(|(_, several)| **several)
        {
            *label = BACKGROUND.to_string();
        }
        // A sentence set in another state tells another event; the next one need not. A
        // title line's place is often the outlet's ("… - MSNewsNow.com - Jackson, MS").
        if let Some(home) = incident::main_place(report, incidents).and_then(elsewhere::home_state)
        {
            for (states, label) in self.states.iter().zip(labels.iter_mut()).skip(1) {
                if report.incidents.first() == Some(label) && elsewhere::other_state(states, home) {
                    *label = BACKGROUND.to_string();
                }
            }
        }
        labels
    }

    /// True when every sentence that asked its incident's toll would be given the one it was
    /// given, under `labels`: then every count reads as it did.
    fn tolls_hold(&self, labels: &[String]) -> bool {
        let mut counted: FxHashMap<&str, &Who> = FxHashMap::default();
        for (toll, label) in self.tolls.iter().zip(labels) {
            let Some(toll) = toll else { continue };
            if let Some(given) = &toll.asked
                && counted.get(label.as_str()).copied() != given.as_ref()
            {
                return false;
            }
            if let Some(who) = &toll.gives {
                counted.entry(label.as_str()).or_insert(who);
            }
        }
        true
    }
}

/// The day a time expression gives: its own date, or for "a week after" that far from the
/// main incident's `main_day`, when known.
pub(super) fn date_of(e: &TimeExpr, main_day: Option<Date>) -> Option<PartialDate> {
    e.date.or_else(|| {
        let day = main_day?
            .checked_add(jiff::Span::new().days(e.offset_days?))
            .ok()?;
        Some(PartialDate {
            year: day.year(),
            month: Some(day.month() as u8),
            day: Some(day.day() as u8),
        })
    })
}

/// A report's claims as read under the incidents it had then, kept to be filed under others.
#[derive(Debug)]
pub struct Reading {
    claims: Vec<Claim>,
    facts: Facts,
}

impl Reading {
    pub(super) fn new(claims: Vec<Claim>, facts: Facts) -> Self {
        Reading { claims, facts }
    }

    /// The claims as read.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claims `extractor` reads of `report` under `incidents`: the same report (its text
    /// and publication day) as was read, under other incidents or another id.
    pub fn file(self, extractor: &Extractor, report: &Report, incidents: &Incidents) -> Vec<Claim> {
        let labels = self.facts.labels(report, incidents);
        if !self.facts.tolls_hold(&labels) {
            return extractor.report_in(report, incidents);
        }
        let Reading { mut claims, facts } = self;
        match relabel(&mut claims, &facts, &labels, report, incidents) {
            Some(()) => claims,
            None => extractor.report_in(report, incidents),
        }
    }
}

/// Gives each claim its sentence's incident (a date's: the incident of its day) and the
/// report's id; `None` when a claim is of no sentence the facts know.
fn relabel(
    claims: &mut [Claim],
    facts: &Facts,
    labels: &[String],
    report: &Report,
    incidents: &Incidents,
) -> Option<()> {
    let main_day = incident::main_day(report, incidents);
    for claim in claims {
        let n = facts.spans.partition_point(|s| s[0] < claim.sentence[0]);
        if facts.spans.get(n) != Some(&claim.sentence) {
            return None;
        }
        claim.incident.clone_from(&labels[n]);
        if let Detail::Time { date } = &mut claim.detail {
            let k = facts.time_spans[n].iter().position(|s| *s == claim.span)?;
            let day = date_of(&facts.times[n][k], main_day);
            *date = day.map(|d| d.to_string());
            // A date is about whatever it points to, whatever else its sentence is about.
            if let Some(day) = day {
                claim.incident = incident::of_date(report, incidents, day);
            }
        }
        if claim.report != report.id {
            claim.report.clone_from(&report.id);
            claim.id = Claim::stable_id(&report.id, claim.detail.kind(), claim.span);
        }
    }
    Some(())
}
