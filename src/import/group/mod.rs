//! Which incident a report joins, by evidence weighed together: the people it names, the
//! places of its lead, the proper names of its opening and the passages it shares word for
//! word with the reports already there.
//!
//! Each kind of evidence is indexed by incident, so a report is weighed only against the
//! incidents it shares something with, and an import grows linearly with its reports. A
//! shared item weighs less the more incidents hold it; items held by very many incidents
//! are not looked up at all.

use rustc_hash::FxHashMap;

use super::evidence::{Evidence, PERSON, SAMPLE, place_weight, term_weight};
use super::lead::Lead;
use super::place::Where;
use crate::model::PartialDate;

/// How much one shared full name of a person weighs.
const NAME_WEIGHT: f32 = 3.0;
/// How much one shared proper word of the lead's places weighs, and the most places can add
/// together: a town alone does not make two shootings one.
const PLACE_WEIGHT: f32 = 1.0;
const PLACES_AT_MOST: f32 = 1.5;
/// How much the same place settled by the gazetteer weighs (inside the places' limit): one
/// town and state, not merely a shared word.
const TOWN_WEIGHT: f32 = 1.0;
/// What it costs when the report's place and every place of the incident's reports lie in
/// different states.
const OTHER_STATE: f32 = 3.0;
/// How much one shared eight-word passage weighs (one in `SAMPLE` is indexed), and the most
/// passages can add together.
const PASSAGE_WEIGHT: f32 = 0.25 * SAMPLE as f32;
const PASSAGES_AT_MOST: f32 = 3.0;
/// How much the same day of the event weighs between reports that settle on the same small
/// town: one town of fewer than `SMALL_TOWN` people seldom has two such events in a day.
const SAME_DAY_IN_TOWN: f32 = 1.0;
const SMALL_TOWN: u32 = 250_000;
/// What it costs when the reports count other victims first.
const OTHER_VICTIMS: f32 = 1.5;
/// The evidence a report needs to join an incident.
const JOIN_AT: f32 = 2.5;
/// How far ahead of the runner-up the best incident must be.
const AHEAD_BY: f32 = 1.2;
/// What evidence that only reports of the same outlet share counts for: an outlet's
/// template and staff recur in its reports of other incidents.
const SAME_OUTLET: f32 = 0.5;
/// Items held by more incidents than this single out nothing.
const COMMON: usize = 64;

/// What a report shares with incidents, indexed by item.
#[derive(Debug, Default)]
pub(super) struct Grouping {
    names: FxHashMap<String, Vec<Posting>>,
    places: FxHashMap<String, Vec<Posting>>,
    terms: FxHashMap<String, Vec<Posting>>,
    passages: FxHashMap<u64, Vec<Posting>>,
    /// Places the gazetteer settled ("Yonkers, New York"), and per incident those of its
    /// reports.
    towns: FxHashMap<String, Vec<Posting>>,
    towns_of: FxHashMap<usize, Vec<Where>>,
    outlets: FxHashMap<String, u32>,
    /// Who the first counts of each incident's reports are of.
    victims: FxHashMap<usize, Vec<String>>,
    /// The event days each incident's reports state.
    days: FxHashMap<usize, Vec<PartialDate>>,
}

/// An incident holding an item, and the outlet of the report that brought it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    incident: usize,
    outlet: Option<u32>,
}

/// An incident a report shares evidence with, and what.
#[derive(Debug, Default, Clone)]
pub(super) struct Candidate {
    /// The incident's index in the corpus.
    pub(super) incident: usize,
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
    passage_weight: f32,
    passage_full: f32,
    place_weight: f32,
    /// The incident's reports count other victims first (police, where this report counts
    /// militants).
    pub(super) other_victims: bool,
    /// The place both settled, when the same.
    pub(super) town: Option<String>,
    /// The day of the event both state, when the same and the town they settle on is small.
    pub(super) same_day: Option<PartialDate>,
    /// The incident's settled place, when the report's settles in another state.
    pub(super) other_town: Option<String>,
}

/// The report's place when the gazetteer settled it.
fn settled(lead: &Lead) -> Option<&Where> {
    // A town taken by size alone is a guess good enough to name the incident, not to join.
    lead.place.as_ref().filter(|p| p.resolved && !p.guessed)
}

/// What decided a report's incident.
#[derive(Debug)]
pub(super) enum Verdict {
    /// It joins this candidate.
    Join(Candidate),
    /// No incident shares enough with it; the closest, if any.
    Alone(Option<Candidate>),
    /// Several incidents share about as much: the two best.
    Unclear(Candidate, Candidate),
}

fn post<K: std::hash::Hash + Eq>(
    map: &mut FxHashMap<K, Vec<Posting>>,
    keys: impl IntoIterator<Item = K>,
    at: Posting,
) {
    for k in keys {
        let list = map.entry(k).or_default();
        if !list.contains(&at) && list.len() <= COMMON {
            list.push(at);
        }
    }
}

/// What one shared item adds to the incidents holding it, as (incident, counted, full): its
/// weight split among them, and half of that counted where only reports of the same outlet
/// brought it (a station's footer, its reporter's name).
fn shares(list: &[Posting], weight: f32, outlet: Option<u32>) -> Vec<(usize, f32, f32)> {
    let mut incidents: Vec<usize> = list.iter().map(|p| p.incident).collect();
    incidents.sort_unstable();
    incidents.dedup();
    let share = weight / incidents.len() as f32;
    incidents
        .into_iter()
        .map(|i| {
            let elsewhere = list
                .iter()
                .any(|p| p.incident == i && (outlet.is_none() || p.outlet != outlet));
            let counted = if elsewhere {
                share
            } else {
                share * SAME_OUTLET
            };
            (i, counted, share)
        })
        .collect()
}

impl Grouping {
    fn outlet(&mut self, outlet: Option<&str>) -> Option<u32> {
        let next = self.outlets.len() as u32;
        outlet.map(|o| *self.outlets.entry(o.to_string()).or_insert(next))
    }

    /// Record that `incident` holds a report from `outlet` with `lead` and `evidence`.
    pub(super) fn add(
        &mut self,
        incident: usize,
        outlet: Option<&str>,
        lead: &Lead,
        evidence: &Evidence,
    ) {
        let at = Posting {
            incident,
            outlet: self.outlet(outlet),
        };
        post(&mut self.names, lead.names.iter().cloned(), at);
        if let Some(v) = &lead.victims {
            let known = self.victims.entry(incident).or_default();
            if !known.contains(v) {
                known.push(v.clone());
            }
        }
        post(&mut self.places, lead.place_words.iter().cloned(), at);
        if let Some(town) = settled(lead) {
            post(&mut self.towns, [town.text.clone()], at);
            let known = self.towns_of.entry(incident).or_default();
            if !known.contains(town) {
                known.push(town.clone());
            }
        }
        post(&mut self.terms, evidence.terms.iter().cloned(), at);
        post(&mut self.passages, evidence.passages.iter().copied(), at);
        if let Some(day) = lead.stated_day() {
            let known = self.days.entry(incident).or_default();
            if !known.contains(&day) {
                known.push(day);
            }
        }
    }

    /// Record that `incident` is at a place with these words.
    pub(super) fn add_place(&mut self, incident: usize, words: &[String]) {
        let at = Posting {
            incident,
            outlet: None,
        };
        post(&mut self.places, words.iter().cloned(), at);
    }

    /// The incident a place word singles out, when few incidents hold it.
    pub(super) fn place_of(&self, words: &[String], other_than: usize) -> Option<usize> {
        words
            .iter()
            .filter_map(|w| self.places.get(w))
            .filter(|list| list.len() <= 2)
            .flatten()
            .map(|p| p.incident)
            .find(|&i| i != other_than)
    }

    /// The incidents a report from `outlet` shares evidence with, best first, those
    /// `allowed` only. A report already placed (`own`, its incident) is not weighed against
    /// itself: what only it brought there does not make an item common.
    pub(super) fn candidates(
        &self,
        outlet: Option<&str>,
        lead: &Lead,
        evidence: &Evidence,
        own: Option<usize>,
        allowed: impl Fn(usize) -> bool,
    ) -> Vec<Candidate> {
        let outlet = outlet.and_then(|o| self.outlets.get(o).copied());
        let mut by: FxHashMap<usize, Candidate> = FxHashMap::default();
        let mut each = |list: Option<&Vec<Posting>>,
                        weight: f32,
                        note: &mut dyn FnMut(&mut Candidate, f32, f32)| {
            let Some(list) = list.filter(|l| !l.is_empty() && l.len() <= COMMON) else {
                return;
            };
            let others: Vec<Posting>;
            let list = match own {
                Some(own) if list.iter().any(|p| p.incident == own) => {
                    others = list.iter().filter(|p| p.incident != own).copied().collect();
                    others.as_slice()
                }
                _ => list.as_slice(),
            };
            if list.is_empty() {
                return;
            }
            for (i, counted, share) in shares(list, weight, outlet) {
                let c = by.entry(i).or_insert_with(|| Candidate {
                    incident: i,
                    ..Candidate::default()
                });
                note(c, counted, share);
            }
        };
        for name in dedup(&lead.names) {
            each(self.names.get(name), NAME_WEIGHT, &mut |c, w, _| {
                c.score += w;
                c.names.push(name.clone());
            });
        }
        for word in dedup(&lead.place_words) {
            let weight = PLACE_WEIGHT * place_weight(word);
            each(self.places.get(word), weight, &mut |c, w, _| {
                c.place_weight += w;
                c.places.push(word.clone());
            });
        }
        if let Some(town) = settled(lead) {
            each(self.towns.get(&town.text), TOWN_WEIGHT, &mut |c, w, _| {
                c.place_weight += w;
                c.town = Some(town.text.clone());
            });
        }
        let small_town = settled(lead).is_some_and(|t| (1..SMALL_TOWN).contains(&t.population));
        let day = lead.stated_day().filter(|_| small_town);
        for term in &evidence.terms {
            each(self.terms.get(term), term_weight(term), &mut |c, w, _| {
                c.terms.push((term.clone(), w))
            });
        }
        for hash in &evidence.passages {
            each(
                self.passages.get(hash),
                PASSAGE_WEIGHT,
                &mut |c, w, full| {
                    c.passages += 1;
                    c.passage_weight += w;
                    c.passage_full += full;
                },
            );
        }
        let mut out: Vec<Candidate> = by
            .into_values()
            .filter(|c| allowed(c.incident))
            .map(|mut c| {
                c.same_day = day.filter(|d| {
                    c.town.is_some()
                        && self
                            .days
                            .get(&c.incident)
                            .is_some_and(|known| known.iter().any(|k| same_day(*k, *d)))
                });
                c.other_victims = lead.victims.as_ref().is_some_and(|v| {
                    self.victims
                        .get(&c.incident)
                        .is_some_and(|known| !known.contains(v))
                });
                // In another state than every place its reports settled on.
                c.other_town = settled(lead).and_then(|town| {
                    self.towns_of
                        .get(&c.incident)
                        .filter(|known| known.iter().all(|k| town.other_state(k)))
                        .and_then(|known| known.first())
                        .map(|k| k.text.clone())
                });
                c.weighed()
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.incident.cmp(&b.incident))
        });
        out
    }
}

impl Candidate {
    /// The score with the terms and passages added: a word counts only where no shared pair
    /// holds it ("little rock" shared says it once, not three times).
    fn weighed(mut self) -> Candidate {
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
        self.score += terms + passages + self.place_weight.min(PLACES_AT_MOST);
        if self.same_day.is_some() {
            self.score += SAME_DAY_IN_TOWN;
        }
        if self.other_victims {
            self.score -= OTHER_VICTIMS;
        }
        if self.other_town.is_some() {
            self.score -= OTHER_STATE;
        }
        self
    }
}

/// The verdict on a report's candidates, best first.
pub(super) fn verdict(mut candidates: Vec<Candidate>) -> Verdict {
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

/// True when two stated days are one or a day apart: an event reported across midnight.
fn same_day(a: PartialDate, b: PartialDate) -> bool {
    let date = |d: PartialDate| jiff::civil::Date::new(d.year, d.month? as i8, d.day? as i8).ok();
    match (date(a), date(b)) {
        (Some(a), Some(b)) => (a - b).get_days().abs() <= 1,
        _ => false,
    }
}

fn dedup(items: &[String]) -> Vec<&String> {
    let mut out: Vec<&String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

impl Candidate {
    /// Why the report joined: "same person Ilanye Price; places Louisville; names Algonquin
    /// Parkway, Kosair; 12 passages".
    pub(super) fn why(&self) -> String {
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
        if let Some(town) = &self.town {
            parts.push(format!("same place {town}"));
        }
        if let Some(day) = &self.same_day {
            parts.push(format!("same day {day}"));
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

#[cfg(test)]
mod tests;
