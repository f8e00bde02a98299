//! The words of a report's opening, weighed by how rare they are among the reports an
//! import sees: what a story is about ("robbers", "diamonds", "selfie", "hoverboard", "108")
//! beyond the names it gives.
//!
//! Two reports of one incident tell it in many of the same words; two of different incidents
//! share the words of their kind of event ("shot", "police") and little else. Each word weighs
//! its inverse document frequency, counted over the file's reports and those being imported,
//! so "the" and "police" weigh almost nothing and a word only one story uses weighs most. A
//! report is compared with an incident by the cosine of its words and the incident's (the
//! mean of its reports'), which a long report cannot inflate.

use rustc_hash::FxHashMap;

/// How far into the body the words are read, in bytes: the opening tells the story; what
/// follows is often a page's related stories and footer.
const OPENING_BYTES: usize = 700;

/// Words shorter than this say little ("a", "of", "is").
const SHORTEST: usize = 3;

/// The numbers read as years.
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// The words of the reports an import sees, with how many reports use each.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// Per word id, the reports using it.
    used_by: Vec<u32>,
    reports: u32,
}

/// A report's distinct words, as ids of a vocabulary.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Words {
    pub(super) ids: Vec<u32>,
    /// The latest year the opening writes ("2013"): a report's present, or near it.
    pub(super) year: Option<u16>,
}

impl Vocabulary {
    /// Counts the words of `body` as one more report's and returns them.
    pub(super) fn count(&mut self, body: &str) -> Words {
        let mut ids: Vec<u32> = Vec::new();
        let mut lower = String::new();
        let mut year = None;
        for word in words(body) {
            if word.len() == 4
                && let Ok(y) = word.parse::<u16>()
                && YEARS.contains(&y)
            {
                year = year.max(Some(y));
            }
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            let word = singular(&lower);
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.ids.len() as u32;
                    self.ids.insert(word.to_string(), id);
                    self.used_by.push(0);
                    id
                }
            };
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            self.used_by[id as usize] += 1;
        }
        self.reports += 1;
        Words { ids, year }
    }

    /// The weights of its words, once every report is counted: a weight depends on how
    /// many reports there are, so none is asked before.
    pub(super) fn weighed(self) -> Weights {
        let reports = self.reports;
        Weights {
            // The log of how many reports there are to one that uses the word: a word every
            // report uses says nothing.
            weight: self
                .used_by
                .iter()
                .map(|&used| (reports.max(used) as f32 / used.max(1) as f32).ln())
                .collect(),
            used_by: self.used_by,
        }
    }
}

/// What each word of a counted vocabulary weighs, and how many reports use it.
#[derive(Debug, Default)]
pub(super) struct Weights {
    weight: Vec<f32>,
    used_by: Vec<u32>,
}

impl Weights {
    /// How much word `id` singles out.
    pub(super) fn weight(&self, id: u32) -> f32 {
        self.weight.get(id as usize).copied().unwrap_or(0.0)
    }

    /// How many reports use word `id`.
    pub(super) fn used_by(&self, id: u32) -> u32 {
        self.used_by.get(id as usize).copied().unwrap_or(0)
    }

    /// The length of a report's word vector.
    pub(super) fn norm(&self, words: &Words) -> f32 {
        words
            .ids
            .iter()
            .map(|&id| self.weight(id).powi(2))
            .sum::<f32>()
            .sqrt()
    }
}

/// The words of the opening of `body`, a possessive's "'s" taken off, numbers kept ("108",
/// "2008").
fn words(body: &str) -> impl Iterator<Item = &str> {
    let opening = &body[..body.floor_char_boundary(OPENING_BYTES)];
    opening
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .filter(|w| {
            w.chars().count() >= SHORTEST || (w.len() >= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// "robbers" → "robber", "diamonds" → "diamond"; "press", "bus", "crisis" stay.
fn singular(word: &str) -> &str {
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with(['s', 'u', 'i']) && stem.chars().count() >= SHORTEST => stem,
        _ => word,
    }
}

/// An incident's words: per word, how many of its reports use it.
#[derive(Debug, Default)]
pub(super) struct Centroid {
    counts: FxHashMap<u32, u32>,
    /// The sum of (weight × count)² over its words: its length times its reports.
    square: f32,
}

impl Centroid {
    /// Adds a report's words.
    pub(super) fn add(&mut self, words: &Words, weights: &Weights) {
        for &id in &words.ids {
            let count = self.counts.entry(id).or_default();
            let w = weights.weight(id);
            self.square += w * w * (2 * *count + 1) as f32;
            *count += 1;
        }
    }

    /// The cosine between a report's words (of length `norm`) and the incident's mean.
    pub(super) fn cosine(&self, words: &Words, norm: f32, weights: &Weights) -> f32 {
        if norm <= 0.0 || self.square <= 0.0 {
            return 0.0;
        }
        let dot: f32 = words
            .ids
            .iter()
            .filter_map(|id| {
                self.counts
                    .get(id)
                    .map(|&c| weights.weight(*id).powi(2) * c as f32)
            })
            .sum();
        dot / (norm * self.square.sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_possessives_are_one_word() {
        let got: Vec<String> = words("The robbers' diamonds: Winston's 85 jewels, a bus")
            .map(|w| singular(&w.to_lowercase()).to_string())
            .collect();
        assert_eq!(
            got,
            ["the", "robber", "diamond", "winston", "85", "jewel", "bus"]
        );
    }

    #[test]
    fn the_latest_year_written_is_kept() {
        let mut v = Vocabulary::default();
        let w = v.count("In 2013, five years after the 2008 crash, 2,500 people and 9999 cars.");
        assert_eq!(w.year, Some(2013));
        assert_eq!(v.count("No year here, only 85 and 12000.").year, None);
    }

    #[test]
    fn a_story_is_nearer_its_own_incident_than_another_of_its_kind() {
        let mut v = Vocabulary::default();
        let heist = v.count("Armed robbers stole diamonds from Harry Winston in Paris.");
        let again = v.count("Robbers disguised as women stole diamonds from Harry Winston.");
        let other = v.count("Robbers stole cash from a bank in Lyon on Monday.");
        let filler = v.count("The council met on Monday to discuss the budget.");
        let v = v.weighed();
        let mut incident = Centroid::default();
        incident.add(&heist, &v);
        let near = incident.cosine(&again, v.norm(&again), &v);
        let far = incident.cosine(&other, v.norm(&other), &v);
        assert!(near > far, "{near} vs {far}");
        assert_eq!(incident.cosine(&filler, v.norm(&filler), &v), 0.0);
    }
}
