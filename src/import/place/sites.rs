//! The towns and counties a name can be, and which one the text means: in the state written
//! with it, in a county or state the text names, in the state its other names agree on, the
//! only one of its name, or, as a guess, the one that dwarfs its namesakes.

use rustc_hash::FxHashMap;

use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Gazetteer, Reading};
use crate::extract::timex::is_calendar_word;

use super::Where;
use super::home::Home;
use super::neighbours::Neighbourhood;

/// What the whole text says of where its towns lie: the states it names (in its opening,
/// else anywhere) and the counties ("Livingston County", "Caddo Parish").
pub(super) struct Context {
    pub(super) states: Vec<u32>,
    pub(super) counties: Vec<u32>,
    /// For each state, how many of the text's place names can lie in it (names that several
    /// states share are no evidence): a town is taken in the state its neighbours agree on.
    pub(super) support: FxHashMap<u32, u32>,
    /// The towns the text's names may stand for, to tell namesakes apart by their neighbours.
    pub(super) neighbourhood: Neighbourhood,
    /// Where the outlet is at home, when its address says: namesakes apart, the one near it.
    pub(super) home: Option<Home>,
}

/// A name found in more states than this says nothing about which state the text is in.
const TELLING_STATES: usize = 3;

impl Context {
    fn support(&self, state: u32) -> u32 {
        self.support.get(&state).copied().unwrap_or(0)
    }
}

/// How many of `names` (and the counties named) can lie in each state.
pub(super) fn support_by_state(
    g: &Gazetteer,
    names: &[&str],
    counties: &[u32],
) -> FxHashMap<u32, u32> {
    let mut out = count_telling(g, names, 0, |r| r.state);
    let mut county_states: Vec<u32> = counties
        .iter()
        .map(|c| g.counties[*c as usize].state)
        .collect();
    county_states.sort_unstable();
    county_states.dedup();
    if county_states.len() <= TELLING_STATES {
        for s in county_states {
            *out.entry(s).or_default() += 1;
        }
    }
    out
}

/// For each distinct name of `names` (not a common word, `shortest` bytes or more), each
/// thing `of` its readings gives (a state, a country) counted once, when they are few: a name
/// of more says nothing about where the text is.
fn count_telling<K: Copy + Ord + std::hash::Hash>(
    g: &Gazetteer,
    names: &[&str],
    shortest: usize,
    of: impl Fn(&Site) -> K,
) -> FxHashMap<K, u32> {
    let mut out: FxHashMap<K, u32> = FxHashMap::default();
    let mut seen: Vec<String> = Vec::new();
    for name in names {
        let key = crate::extract::gazetteer::key(name);
        if key.len() < shortest || seen.contains(&key) || is_common(&key) {
            continue;
        }
        seen.push(key);
        let mut found: Vec<K> = readings(g, name).iter().map(&of).collect();
        found.sort_unstable();
        found.dedup();
        if found.len() <= TELLING_STATES {
            for k in found {
                *out.entry(k).or_default() += 1;
            }
        }
    }
    out
}

/// The country the text's names point to, when one stands out: for each name of few
/// countries, each of them counts once; the country counted most, at least twice and more
/// than any other. A US text's streets and people bear American towns' names ("Sherman
/// Street", "Belmont"), a Philippine text's Philippine ones.
pub(super) fn country_of_names(g: &Gazetteer, names: &[&str]) -> Option<String> {
    let counts = count_telling(g, names, 3, |r| g.states[r.state as usize].country);
    let mut ranked: Vec<(&str, u32)> = counts.into_iter().collect();
    ranked.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), *c));
    match ranked.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => {
            Some(c.to_string())
        }
        _ => None,
    }
}

/// A reading of a name: a town or a county.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Site {
    state: u32,
    county: Option<u32>,
    place: Option<u32>,
    population: u32,
    /// Taken for the outlet's home, not for anything the text says.
    guessed: bool,
}

impl Site {
    /// Its state (first-level division).
    pub(super) fn state(&self) -> u32 {
        self.state
    }

    /// Its county, when the gazetteer gives one.
    pub(super) fn county(&self) -> Option<u32> {
        self.county
    }

    /// A town's coordinates; a county has none in the gazetteer.
    pub(super) fn at(&self, g: &Gazetteer) -> Option<(f32, f32)> {
        self.place.map(|p| g.places[p as usize].at)
    }
}

/// Every town and county `name` can be.
pub(super) fn readings(g: &Gazetteer, name: &str) -> Vec<Site> {
    let all = g.lookup(name);
    // A country's name is that country ("Egypt"), not one of the towns named after it.
    if all
        .iter()
        .any(|r| matches!(r, Reading::Country(_) | Reading::Nationality(_)))
    {
        return Vec::new();
    }
    all.iter()
        .filter_map(|r| match r {
            Reading::Place(p) => {
                let place = &g.places[*p as usize];
                Some(Site {
                    state: place.state,
                    county: place.county,
                    place: Some(*p),
                    population: place.population,
                    guessed: false,
                })
            }
            Reading::County(c) => Some(Site {
                state: g.counties[*c as usize].state,
                county: Some(*c),
                place: None,
                population: 0,
                guessed: false,
            }),
            _ => None,
        })
        .collect()
}

/// The reading that scores highest by `score`, when no reading in another state scores as
/// high: a tie between states is no answer.
fn best<K: Ord + Copy>(readings: &[&Site], score: impl Fn(&Site) -> K) -> Option<Site> {
    let top = readings.iter().map(|r| score(r)).max()?;
    let tops: Vec<Site> = readings
        .iter()
        .filter(|r| score(r) == top)
        .map(|r| **r)
        .collect();
    let state = tops[0].state;
    if tops.iter().any(|r| r.state != state) {
        return None;
    }
    tops.into_iter().max_by_key(|r| r.population)
}

/// The full name of `name` as a town or county: in `state` when given; else in a county
/// the text names, or a state it names, or a state another of its names lies in; else the
/// only place of that name, when the text names it as a place (`whole`).
pub(super) fn settle(
    g: &Gazetteer,
    name: &str,
    state: Option<u32>,
    whole: bool,
    context: &Context,
) -> Option<Site> {
    let name = name.trim();
    if name.len() < 3 || is_calendar_word(name) {
        return None;
    }
    let readings = readings(g, name);
    let all: Vec<&Site> = readings.iter().collect();
    let in_county = |r: &Site| r.county.is_some_and(|c| context.counties.contains(&c));
    match state {
        Some(s) => readings
            .iter()
            .filter(|r| r.state == s)
            .max_by_key(|r| (in_county(r), r.population))
            .copied(),
        None => {
            let where_named: Vec<&Site> = all.iter().copied().filter(|r| in_county(r)).collect();
            let in_named_state: Vec<&Site> = all
                .iter()
                .copied()
                .filter(|r| context.states.contains(&r.state))
                .collect();
            // Another name of the text lies in the same state ("Poplar Bluff" and "Butler
            // County").
            let agreed: Vec<&Site> = all
                .iter()
                .copied()
                .filter(|r| context.support(r.state) >= 2)
                .collect();
            best(&where_named, |r| context.support(r.state))
                .or_else(|| best(&in_named_state, |r| context.support(r.state)))
                .or_else(|| best(&agreed, |r| context.support(r.state)))
                // A word of a longer name ("Portage" of "Portage Park") is placed by the state
                // written with it, not by its neighbours.
                .or_else(|| {
                    whole
                        .then(|| among_neighbours(g, name, &all, context))
                        .flatten()
                })
                // The outlet's home: of namesakes, the one within its reach.
                .or_else(|| {
                    let home = context.home.filter(|_| whole)?;
                    let near: Vec<&Site> = all
                        .iter()
                        .copied()
                        .filter(|r| home.near(r.state, r.at(g)))
                        .collect();
                    let site = best(&near, |r| r.population)?;
                    Some(Site {
                        guessed: true,
                        ..site
                    })
                })
                .or(match readings.as_slice() {
                    // The only town of its name, unless the name is also a word ("Police",
                    // "Eye").
                    [only]
                        if whole
                            && context.states.is_empty()
                            && !is_common(&name.to_lowercase()) =>
                    {
                        Some(*only)
                    }
                    _ => None,
                })
        }
    }
}

/// Of several towns of one name and like size, the one other names of the text lie around,
/// when they point to one state. A town that dwarfs its namesakes is left to the size rule
/// ([`largest`]), which comes after the places the text settles.
fn among_neighbours(g: &Gazetteer, name: &str, all: &[&Site], context: &Context) -> Option<Site> {
    if all.iter().filter(|r| r.place.is_some()).count() < 2 || largest(g, name).is_some() {
        return None;
    }
    let around = |r: &Site| {
        r.at(g)
            .map_or(0, |at| context.neighbourhood.around(name, at))
    };
    let towns: Vec<&Site> = all.iter().copied().filter(|r| around(r) > 0).collect();
    best(&towns, around)
}

/// How many times larger than the next town of its name a town must be to be the one a
/// text means when it says no more ("Las Vegas" is Nevada's, not New Mexico's).
const LARGER_BY: u32 = 4;

/// The smallest town taken by size alone: smaller towns are known only nearby.
const LARGE_TOWN: u32 = 20_000;

/// The town `name` means by size alone, when one town of that name dwarfs the others.
pub(super) fn largest(g: &Gazetteer, name: &str) -> Option<Site> {
    largest_in(g, name, None)
}

/// The town `name` means by size alone among its namesakes in `country` (all countries when
/// none), when one dwarfs the others.
pub(super) fn largest_in(g: &Gazetteer, name: &str, country: Option<&str>) -> Option<Site> {
    let name = name.trim();
    if name.len() < 3 || is_common(&name.to_lowercase()) || is_calendar_word(name) {
        return None;
    }
    let mut readings: Vec<Site> = readings(g, name)
        .into_iter()
        .filter(|r| r.place.is_some())
        .filter(|r| country.is_none_or(|c| g.states[r.state as usize].country == c))
        .collect();
    readings.sort_by_key(|r| std::cmp::Reverse(r.population));
    let first = readings.first()?;
    let second = readings.get(1).map_or(0, |r| r.population);
    (first.population >= LARGE_TOWN && first.population >= second.saturating_mul(LARGER_BY))
        .then_some(*first)
}

/// "Euharlee, Bartow County, Georgia"; "Saint Louis County, Missouri"; "Al Bawiti, Al Jizah,
/// Egypt".
pub(super) fn full_name(g: &Gazetteer, r: &Site) -> Where {
    let st = &g.states[r.state as usize];
    let county = r.county.map(|c| g.counties[c as usize].name);
    let mut parts: Vec<&str> = Vec::new();
    if let Some(p) = r.place {
        parts.push(g.places[p as usize].name);
    }
    // A US town with its county, as an analyst writes it; abroad the second-level names
    // are often a district of the same name, so they are left to the coordinates.
    if let Some(c) = county
        && (r.place.is_none() || st.country == "US")
    {
        parts.push(c);
    }
    parts.push(st.name);
    if st.country != "US" {
        let country = g
            .countries
            .iter()
            .find(|c| c.code == st.country)
            .map_or(st.country, |c| c.name);
        parts.push(country);
    }
    Where {
        text: parts.join(", "),
        resolved: true,
        state: Some(r.state),
        guessed: r.guessed,
        population: r.place.map_or(0, |_| r.population),
    }
}

/// The site among those the text's names settle to (in the order the names come): the one
/// the opening names most often (the dateline's town is where the report was filed, often
/// the station's city, named once; the town where it happened comes back), the first among
/// equals; then, for a county, a town within it the text also names.
pub(super) fn choose(
    g: &Gazetteer,
    settled: &[(usize, Site)],
    mentions: impl Fn(usize) -> usize,
) -> Option<Site> {
    let counts: Vec<usize> = settled.iter().map(|(i, _)| mentions(*i)).collect();
    let top = counts.iter().copied().max()?;
    let at = counts.iter().position(|c| *c == top)?;
    let first = settled[at].1;
    let Some(county) = first.county.filter(|_| first.place.is_none()) else {
        return Some(first);
    };
    let town_within = settled
        .iter()
        .map(|(_, s)| s)
        .filter(|s| s.place.is_some())
        .find(|s| s.county == Some(county) || s.county.is_none() && in_county(g, s, county));
    Some(town_within.copied().unwrap_or(first))
}

/// How near, in kilometres, a town the gazetteer gives no county must lie to a town of a
/// county to be taken as within it.
const WITHIN_COUNTY_KM: f32 = 15.0;

/// True when `town`, which the gazetteer gives no county (the small towns of cities500), lies
/// in `county` as near as can be told: in its state, close to one of its towns.
fn in_county(g: &Gazetteer, town: &Site, county: u32) -> bool {
    let Some(at) = town.at(g) else {
        return false;
    };
    town.state == g.counties[county as usize].state
        && g.places.iter().any(|p| {
            p.county == Some(county) && super::neighbours::distance_km(p.at, at) <= WITHIN_COUNTY_KM
        })
}
