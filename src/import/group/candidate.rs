//! An incident a report is weighed against: what they share, what it adds up to, and the
//! verdict on the best of them.

use crate::import::evidence::PERSON;
use crate::model::PartialDate;

/// The most the places can add together: a town alone does not make two shootings one.
const PLACES_AT_MOST: f32 = 1.5;
/// What it costs when the report's place and every place of the incident's reports lie in
/// different states.
const OTHER_STATE: f32 = 3.0;
/// The most the passages shared word for word can add together.
const PASSAGES_AT_MOST: f32 = 3.0;
/// How much the same day of the event weighs between reports that settle on the same small
/// town.
const SAME_DAY_IN_TOWN: f32 = 1.5;
/// The most the ages can add together.
const AGES_AT_MOST: f32 = 2.0;
/// How much the words the report and the incident have in common weigh: their cosine
/// above `WORDS_FROM` times `WORDS_WEIGHT`. On the development sets, reports joined to their
/// own incident mostly come to 0.2 to 0.5, and two shootings apart less; two events of one
/// kind with the same people (a boxer's two title fights) come as close as one event's.
const WORDS_WEIGHT: f32 = 10.0;
const WORDS_FROM: f32 = 0.05;
/// What it costs when both count people of given ages and none of one age.
const OTHER_AGES: f32 = 1.5;
/// What it costs when the latest years the report and the incident's reports write are
/// years apart.
const OTHER_YEAR: f32 = 3.0;
/// What it costs when the reports count other victims first.
const OTHER_VICTIMS: f32 = 1.5;
/// The evidence a report needs to join an incident.
const JOIN_AT: f32 = 3.0;
/// How far ahead of the runner-up the best incident must be.
const AHEAD_BY: f32 = 1.2;

/// An incident a report shares evidence with, and what.
#[derive(Debug, Default, Clone)]
pub(in crate::import) struct Candidate {
    /// The incident's index in the corpus.
    pub(in crate::import) incident: usize,
    /// The weight of the evidence.
    pub(super) score: f32,
    /// Shared names of people.
    pub(super) names: Vec<String>,
    /// Shared words of places.
    pub(super) places: Vec<String>,
    /// Shared proper names of the openings, with their weights.
    pub(super) terms: Vec<(String, f32)>,
    /// Shared passages, and their weight.
    pub(super) passages: usize,
    pub(super) passage_weight: f32,
    pub(super) passage_full: f32,
    pub(super) place_weight: f32,
    /// The incident's reports count other victims first (police, where this report counts
    /// militants).
    pub(super) other_victims: bool,
    /// The latest year the report writes, when every one its incident's reports write is
    /// years away.
    pub(super) other_year: Option<u16>,
    /// Ages of people counted that both give, in one state.
    pub(super) ages: Vec<u32>,
    pub(super) age_weight: f32,
    /// Both count people of given ages, and none of one age.
    pub(super) other_ages: bool,
    /// The cosine of the report's words and the incident's.
    pub(super) words: f32,
    /// The place both settled, when the same.
    pub(super) town: Option<String>,
    /// The day of the event both state, when the same and the town they settle on is small.
    pub(super) same_day: Option<PartialDate>,
    /// The incident's settled place, when the report's settles in another state.
    pub(super) other_town: Option<String>,
}

/// What decided a report's incident.
#[derive(Debug)]
pub(in crate::import) enum Verdict {
    /// It joins this candidate.
    Join(Candidate),
    /// No incident shares enough with it; the closest, if any.
    Alone(Option<Candidate>),
    /// Several incidents share about as much: the two best.
    Unclear(Candidate, Candidate),
}

impl Candidate {
    /// The score with the terms and passages added: a word counts only where no shared pair
    /// holds it ("little rock" shared says it once, not three times).
    pub(super) fn weighed(mut self) -> Candidate {
        let pairs: Vec<&str> = self
            .terms
            .iter()
            .filter(|(t, _)| t.contains(' '))
            .map(|(t, _)| t.as_str())
            .collect();
        let terms: f32 = self
            .terms
            .iter()
            .filter(|(t, _)| t.contains(' ') || !pairs.iter().any(|p| p.split(' ').any(|w| w == t)))
            .map(|(_, w)| w)
            .sum();
        // The cap holds for the passages themselves; the same outlet's discount after it.
        let passages = if self.passage_full > 0.0 {
            self.passage_full.min(PASSAGES_AT_MOST) * self.passage_weight / self.passage_full
        } else {
            0.0
        };
        self.score += terms
            + passages
            + self.place_weight.min(PLACES_AT_MOST)
            + self.age_weight.min(AGES_AT_MOST);
        self.score += WORDS_WEIGHT * (self.words - WORDS_FROM).max(0.0);
        if self.same_day.is_some() {
            self.score += SAME_DAY_IN_TOWN;
        }
        if self.other_victims {
            self.score -= OTHER_VICTIMS;
        }
        if self.other_year.is_some() {
            self.score -= OTHER_YEAR;
        }
        if self.other_ages {
            self.score -= OTHER_AGES;
        }
        if self.other_town.is_some() {
            self.score -= OTHER_STATE;
        }
        self
    }
}

/// The verdict on a report's candidates, best first.
pub(in crate::import) fn verdict(mut candidates: Vec<Candidate>) -> Verdict {
    let second = candidates.get(1).map_or(0.0, |c| c.score);
    match candidates.first() {
        Some(best) if best.score >= JOIN_AT && best.score >= second * AHEAD_BY => {
            Verdict::Join(candidates.swap_remove(0))
        }
        Some(_) if candidates.len() >= 2 && candidates[0].score >= JOIN_AT => {
            let second = candidates.swap_remove(1);
            Verdict::Unclear(candidates.swap_remove(0), second)
        }
        _ => Verdict::Alone(candidates.into_iter().next()),
    }
}

impl Candidate {
    /// Why the report joined: "same person Ilanye Price; places Louisville; names Algonquin
    /// Parkway, Kosair; 12 passages".
    pub(in crate::import) fn why(&self) -> String {
        let mut parts = Vec::new();
        let mut people: Vec<&str> = self.names.iter().map(String::as_str).collect();
        people.extend(
            self.terms
                .iter()
                .filter_map(|(t, _)| t.strip_prefix(PERSON)),
        );
        if !people.is_empty() {
            parts.push(format!("same person {}", people.join(", ")));
        }
        if !self.places.is_empty() {
            parts.push(format!("its lead's place {}", self.places.join(", ")));
        }
        // Pairs say the most; single words repeat them.
        let mut terms: Vec<&String> = self
            .terms
            .iter()
            .map(|(t, _)| t)
            .filter(|t| t.contains(' ') && !t.starts_with(PERSON))
            .collect();
        if terms.is_empty() {
            terms = self.terms.iter().map(|(t, _)| t).collect();
        }
        if !terms.is_empty() {
            let shown: Vec<&str> = terms.iter().take(4).map(|t| t.as_str()).collect();
            parts.push(format!("shared names {}", shown.join(", ")));
        }
        if self.passages > 0 {
            parts.push(format!("{} passage(s) word for word", self.passages));
        }
        if !self.ages.is_empty() {
            let ages: Vec<String> = self.ages.iter().map(|a| format!("{a}-year-old")).collect();
            parts.push(format!("same age {} in one state", ages.join(", ")));
        }
        if self.words > 0.0 {
            parts.push(format!("words alike {:.2}", self.words));
        }
        if let Some(town) = &self.town {
            parts.push(format!("same place {town}"));
        }
        if let Some(day) = &self.same_day {
            parts.push(format!("same day {day}"));
        }
        if self.other_ages {
            parts.push("but it counts people of other ages".to_string());
        }
        if let Some(year) = self.other_year {
            parts.push(format!(
                "but it writes {year}, years from the incident's reports"
            ));
        }
        if self.other_victims {
            parts.push("but it counts other victims first".to_string());
        }
        if let Some(town) = &self.other_town {
            parts.push(format!("but the incident is in {town}"));
        }
        format!("score {:.1}: {}", self.score, parts.join("; "))
    }
}
