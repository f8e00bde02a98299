//! Where an outlet is at home, read from its web address: local papers and stations carry
//! their city or state in their names ("denverpost.com", "miami.cbslocal.com",
//! "arkansasonline.com", "nbcmiami.com"), and local news happens near home. A home only tells
//! namesakes apart ("Yuma" in the Denver Post is Yuma, Colorado, not Arizona); it never makes
//! a town the site by itself.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::extract::gazetteer::{Gazetteer, Reading, gazetteer};

use super::neighbours::distance_km;
use super::sites::{Site, largest};

/// The smallest city an outlet is taken to be named for: smaller ones share their names
/// with too many words ("Star", "Wave").
const HOME_TOWN: u32 = 50_000;

/// How far from home, in kilometres, an outlet's local news reaches: a state paper covers
/// its state.
pub(super) const HOME_KM: f32 = 400.0;

/// The shortest name read in an address: "nola" or "dc" say too little on their own.
const SHORTEST: usize = 4;

/// Network names stations put before their city ("nbcmiami", "mysanantonio").
const NETWORKS: [&str; 6] = ["nbc", "cbs", "abc", "fox", "my", "wb"];

/// An outlet's home: a city, or a state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Home {
    /// The city, and its coordinates.
    Town(Site, (f32, f32)),
    /// The state's index.
    State(u32),
}

impl Home {
    /// True when a town or county of `state` at `at` lies within the outlet's reach.
    pub(super) fn near(&self, state: u32, at: Option<(f32, f32)>) -> bool {
        match self {
            Home::Town(_, home) => at.is_some_and(|at| distance_km(*home, at) <= HOME_KM),
            Home::State(s) => *s == state,
        }
    }

    /// The home city, when the home is one.
    pub(super) fn town(&self) -> Option<Site> {
        match self {
            Home::Town(site, _) => Some(*site),
            Home::State(_) => None,
        }
    }
}

/// Names of large cities and of states with their spaces and periods removed ("sanantonio",
/// "stlouis"), to find them run together inside a host name; a name two large cities share
/// ("kansascity") is in it as no one's home, so that no shorter name ("kansas") is read.
fn run_together() -> &'static FxHashMap<String, Option<Home>> {
    static INDEX: OnceLock<FxHashMap<String, Option<Home>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let g = gazetteer();
        let mut index = FxHashMap::default();
        for p in g.places.iter().filter(|p| p.population >= HOME_TOWN) {
            let compact = compact(p.name);
            if compact.len() >= SHORTEST && !index.contains_key(&compact) {
                // The city the name stands for when nothing else is said, if one dwarfs
                // its namesakes.
                let home = largest(g, p.name).and_then(|s| town(g, &s));
                index.insert(compact, home);
            }
        }
        for (i, s) in g.states.iter().enumerate() {
            let compact = compact(s.name);
            let only_a_state = g
                .lookup(s.name)
                .iter()
                .all(|r| matches!(r, Reading::State(_)));
            if compact.len() >= SHORTEST && only_a_state {
                index.entry(compact).or_insert(Some(Home::State(i as u32)));
            }
        }
        index
    })
}

fn town(g: &Gazetteer, site: &Site) -> Option<Home> {
    site.at(g).map(|at| Home::Town(*site, at))
}

fn compact(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The home of an outlet given as a host or an address ("www.denverpost.com",
/// "https://miami.cbslocal.com/2015/…"): the longest large city's or state's name that begins
/// one of its labels, after a network's name.
pub(super) fn outlet_home(outlet: &str) -> Option<Home> {
    let host = outlet
        .trim()
        .split("://")
        .last()?
        .split(['/', '?', '#', ' '])
        .next()?
        .to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    // A bare name ("Denver Post") is no address.
    let [names @ .., _tld] = labels.as_slice() else {
        return None;
    };
    let index = run_together();
    // Per label, the longest name it begins with: a found name ends the search, a home or
    // none.
    let longest = |l: &str| {
        (SHORTEST..=l.len())
            .rev()
            .filter(|&n| l.is_char_boundary(n))
            .find_map(|n| index.get(&l[..n]).copied())
    };
    names
        .iter()
        .filter(|l| **l != "www")
        .find_map(|label| {
            let after_network = NETWORKS
                .iter()
                .find_map(|n| label.strip_prefix(n).filter(|rest| rest.len() >= SHORTEST));
            after_network.and_then(longest).or_else(|| longest(label))
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_of(home: Option<Home>) -> Option<String> {
        let g = gazetteer();
        match home? {
            Home::State(s) => Some(g.states[s as usize].name.to_string()),
            Home::Town(_, at) => g
                .places
                .iter()
                .filter(|p| p.population >= HOME_TOWN && distance_km(p.at, at) < 1.0)
                .map(|p| g.states[p.state as usize].name.to_string())
                .next(),
        }
    }

    #[test]
    fn homes_in_addresses() {
        for (outlet, state) in [
            ("www.denverpost.com", "Colorado"),
            ("miami.cbslocal.com", "Florida"),
            ("https://www.nbcmiami.com/news/local/x", "Florida"),
            ("www.mysanantonio.com", "Texas"),
            ("arkansasonline.com", "Arkansas"),
            ("www.tallahassee.com", "Florida"),
        ] {
            assert_eq!(
                state_of(outlet_home(outlet)).as_deref(),
                Some(state),
                "{outlet}"
            );
        }
        for none in [
            "www.wsmv.com",
            "www.startribune.com",
            "www.toledoblade.com",
            "Denver Post",
            "kansascity.com",
            "fox2now.com",
        ] {
            assert_eq!(outlet_home(none), None, "{none}");
        }
    }
}
