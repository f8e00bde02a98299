//! Which incident a report joins, by evidence weighed together: the people it names and
//! their ages, the places of its lead, the proper names and words of its opening and the
//! passages it shares word for word with the reports already there.
//!
//! Each kind of evidence is indexed by incident, so a report is weighed only against the
//! incidents it shares something with, and an import grows linearly with its reports. A
//! shared item weighs less the more incidents hold it; items held by very many incidents
//! are not looked up at all.

use rustc_hash::FxHashMap;

use super::evidence::{Evidence, SAMPLE, place_weight, term_weight};
use super::lead::Lead;
use super::place::Where;
use super::words::{Centroid, Weights};
use crate::model::PartialDate;

mod candidate;
pub(super) use candidate::{Candidate, Verdict, verdict};

/// How much one shared full name of a person weighs.
const NAME_WEIGHT: f32 = 3.0;
/// How much one shared proper word of the lead's places weighs.
const PLACE_WEIGHT: f32 = 1.0;
/// How much the same place settled by the gazetteer weighs (inside the places' limit): one
/// town and state, not merely a shared word.
const TOWN_WEIGHT: f32 = 1.0;
/// How much one shared eight-word passage weighs (one in `SAMPLE` is indexed).
const PASSAGE_WEIGHT: f32 = 0.25 * SAMPLE as f32;
/// Towns of fewer people than this seldom have two such events in a day.
const SMALL_TOWN: u32 = 250_000;
/// How much one age of a person counted weighs when both reports are in one state: in one
/// state, two incidents seldom have victims of one age.
const AGE_WEIGHT: f32 = 1.5;
/// Words used by more reports than this do not bring incidents to be weighed.
const RARE_WORD: u32 = 32;
/// What evidence that only reports of the same outlet share counts for: an outlet's
/// template and staff recur in its reports of other incidents.
const SAME_OUTLET: f32 = 0.5;
/// Latest years written this far apart tell two reports' presents apart.
const YEARS_APART: u16 = 2;
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
    /// The ages of the people counted, by state: (state, age).
    ages: FxHashMap<(u32, u32), Vec<Posting>>,
    /// The ages of the people each incident's reports count.
    ages_of: FxHashMap<usize, Vec<u32>>,
    /// Who the first counts of each incident's reports are of.
    victims: FxHashMap<usize, Vec<String>>,
    /// The event days each incident's reports state.
    days: FxHashMap<usize, Vec<PartialDate>>,
    /// What the words of the reports the import sees weigh, and per word and incident
    /// those of its reports.
    pub(super) word_weights: Weights,
    words: FxHashMap<u32, Vec<Posting>>,
    centroids: FxHashMap<usize, Centroid>,
    /// The latest years each incident's reports write.
    years: FxHashMap<usize, Vec<u16>>,
}

/// An incident holding an item, and the outlet of the report that brought it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    incident: usize,
    outlet: Option<u32>,
}

/// The report's place when the gazetteer settled it.
fn settled(lead: &Lead) -> Option<&Where> {
    // A town taken by size alone is a guess good enough to name the incident, not to join.
    lead.place.as_ref().filter(|p| p.resolved && !p.guessed)
}

/// Adds `items` to what `incident`'s reports are known to hold, each once.
fn remember<T: PartialEq>(
    map: &mut FxHashMap<usize, Vec<T>>,
    incident: usize,
    items: impl IntoIterator<Item = T>,
) {
    for item in items {
        let known = map.entry(incident).or_default();
        if !known.contains(&item) {
            known.push(item);
        }
    }
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
        remember(&mut self.victims, incident, lead.victims.clone());
        post(&mut self.places, lead.place_words.iter().cloned(), at);
        if let Some(town) = settled(lead) {
            post(&mut self.towns, [town.text.clone()], at);
            remember(&mut self.towns_of, incident, [town.clone()]);
        }
        if let Some(state) = lead.place.as_ref().and_then(|p| p.state) {
            post(&mut self.ages, lead.ages.iter().map(|&a| (state, a)), at);
        }
        remember(&mut self.ages_of, incident, lead.ages.iter().copied());
        post(&mut self.terms, evidence.terms.iter().cloned(), at);
        post(&mut self.passages, evidence.passages.iter().copied(), at);
        post(&mut self.words, evidence.words.ids.iter().copied(), at);
        remember(&mut self.years, incident, evidence.words.year);
        self.centroids
            .entry(incident)
            .or_default()
            .add(&evidence.words, &self.word_weights);
        remember(&mut self.days, incident, lead.stated_day());
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

    /// What else is known of a candidate's incident, weighed against the report: the same
    /// day, word similarity, other ages, another year, other victims, another state.
    fn weigh(
        &self,
        mut c: Candidate,
        lead: &Lead,
        evidence: &Evidence,
        norm: f32,
        day: Option<PartialDate>,
    ) -> Candidate {
        c.same_day = day.filter(|d| {
            c.town.is_some()
                && self
                    .days
                    .get(&c.incident)
                    .is_some_and(|known| known.iter().any(|k| same_day(*k, *d)))
        });
        c.words = self.centroids.get(&c.incident).map_or(0.0, |centroid| {
            centroid.cosine(&evidence.words, norm, &self.word_weights)
        });
        c.other_ages = !lead.ages.is_empty()
            && self.ages_of.get(&c.incident).is_some_and(|known| {
                !known.is_empty() && !known.iter().any(|a| lead.ages.contains(a))
            });
        c.other_year = evidence.words.year.filter(|&year| {
            self.years
                .get(&c.incident)
                .is_some_and(|known| known.iter().all(|&k| k.abs_diff(year) >= YEARS_APART))
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
        if let Some(state) = lead.place.as_ref().and_then(|p| p.state) {
            for &age in &lead.ages {
                each(self.ages.get(&(state, age)), AGE_WEIGHT, &mut |c, w, _| {
                    c.age_weight += w;
                    c.ages.push(age);
                });
            }
        }
        let small_town = settled(lead).is_some_and(|t| (1..SMALL_TOWN).contains(&t.population));
        let day = lead.stated_day().filter(|_| small_town);
        for term in &evidence.terms {
            each(self.terms.get(term), term_weight(term), &mut |c, w, _| {
                c.terms.push((term.clone(), w));
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
        // A word few reports use brings its incidents to be weighed; the cosine weighs them.
        for &id in &evidence.words.ids {
            if self.word_weights.used_by(id) <= RARE_WORD {
                each(self.words.get(&id), 0.0, &mut |_, _, _| {});
            }
        }
        let norm = self.word_weights.norm(&evidence.words);
        let mut out: Vec<Candidate> = by
            .into_values()
            .filter(|c| allowed(c.incident))
            .map(|c| self.weigh(c, lead, evidence, norm, day))
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.incident.cmp(&b.incident))
        });
        out
    }
}

/// True when two stated days are one or a day apart: an event reported across midnight.
fn same_day(a: PartialDate, b: PartialDate) -> bool {
    match (a.as_day(), b.as_day()) {
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

#[cfg(test)]
mod tests;
