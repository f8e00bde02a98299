//! Where a report places its event, resolved against the gazetteer: the dateline's town and
//! state ("LOUISVILLE, KY (WAVE) –", "ST. LOUIS COUNTY (KTVI)"), a town and its state in the
//! opening ("in Gary, Ind."), or a place of the lead. A name several towns share is taken in
//! the state the text names; a name the gazetteer does not know, or cannot settle, is kept as
//! written and marked unresolved.

use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Gazetteer, Reading, gazetteer};

use super::evidence::{is_break, terms};

/// How far into the body towns and states are looked for, in bytes.
const OPENING_BYTES: usize = 1_500;

/// A report's place.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Where {
    /// "Louisville, Kentucky"; "Saint Louis County, Missouri"; "Al Bawiti, Al Jizah, Egypt";
    /// or the name as written when it does not resolve.
    pub(super) text: String,
    /// True when the gazetteer settled it.
    pub(super) resolved: bool,
    /// The gazetteer's state (first-level division), when settled.
    pub(super) state: Option<u32>,
}

impl Where {
    /// True when two settled places lie in different states (or first-level divisions),
    /// so cannot be one site. Towns within one state are not held apart: one report's
    /// place is often the station's city, another's the suburb where it happened.
    pub(super) fn other_state(&self, other: &Where) -> bool {
        self.resolved
            && other.resolved
            && matches!((self.state, other.state), (Some(a), Some(b)) if a != b)
    }
}

/// The place of a report with `dateline`, `body` and the places its lead names.
pub(super) fn resolve(dateline: Option<&str>, body: &str, lead_places: &[String]) -> Option<Where> {
    let g = gazetteer();
    let opening = &body[..body.floor_char_boundary(OPENING_BYTES)];
    let names = terms(opening);
    let pairs = town_and_state(g, opening);
    let mut named_states: Vec<u32> = pairs.iter().filter_map(|(_, s)| *s).collect();
    // A state named on its own ("a 12-year-old Iowa girl") counts too.
    named_states.extend(names.iter().filter_map(|t| {
        g.lookup(t).iter().find_map(|r| match r {
            Reading::State(s) if g.states[*s as usize].country == "US" => Some(*s),
            _ => None,
        })
    }));
    let mut candidates: Vec<(String, Option<u32>)> = Vec::new();
    if let Some(d) = dateline {
        let (town, rest) = d.split_once(',').unwrap_or((d, ""));
        let town = town.split(['(', ':', '—', '–']).next().unwrap_or(town);
        let region = rest.split(['(', '—', '–']).next().unwrap_or("").trim();
        candidates.push((town.trim().to_string(), g.state(region)));
    }
    candidates.extend(pairs);
    candidates.extend(lead_places.iter().map(|p| (p.clone(), None)));
    // A lead's place may hold a town ("Pittsburgh Public Safety Department"); any name of the
    // opening may be a town of a state the text names.
    candidates.extend(lead_places.iter().flat_map(|p| terms(p)).map(|t| (t, None)));
    if !named_states.is_empty() {
        candidates.extend(names.iter().map(|t| (t.clone(), None)));
    }
    for (name, state) in &candidates {
        if let Some(place) = settle(g, name, *state, &named_states) {
            return Some(place);
        }
    }
    // Unresolved, a place is kept only when it reads as a name ("Humboldt Park"), not as a
    // word a sentence opens with ("Update", "Children") or a date ("Jan").
    lead_places
        .iter()
        .find(|p| reads_as_name(p))
        .map(|p| Where {
            text: p.clone(),
            resolved: false,
            state: None,
        })
}

/// "Humboldt Park", "Louisville", "the western desert": several words, or one that is a
/// name, not a word a sentence opens with ("Update", "Children") or a date ("Jan").
fn reads_as_name(place: &str) -> bool {
    let words: Vec<String> = place
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.len() >= 3 && !is_break(w))
        .collect();
    match words.as_slice() {
        [] => false,
        [one] => !is_common(one),
        _ => true,
    }
}

/// "Dayton, Ohio", "Gary, Ind.", "BAYTOWN, Texas": one to three capitalised words, a comma,
/// and a state's name or abbreviation.
fn town_and_state(g: &Gazetteer, text: &str) -> Vec<(String, Option<u32>)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(", ") {
        let before: Vec<&str> = text[..at].split_whitespace().rev().take(3).collect();
        let after: Vec<&str> = text[at + 2..].split_whitespace().take(2).collect();
        let trim = |w: &str| {
            w.trim_end_matches([',', ';', ')', '(', '"', '”'])
                .to_string()
        };
        // The longest state name first: "North Carolina" before "North".
        let state = (1..=after.len()).rev().find_map(|n| {
            let words: Vec<String> = after[..n].iter().map(|w| trim(w)).collect();
            let name = words.join(" ");
            let ok = words.iter().all(|w| w.starts_with(char::is_uppercase));
            ok.then(|| {
                g.state(&name)
                    .or_else(|| g.state(name.trim_end_matches('.')))
            })
            .flatten()
        });
        let Some(state) = state else { continue };
        let town: Vec<&str> = before
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase) && !w.ends_with('.'))
            .copied()
            .collect();
        if !town.is_empty() {
            let name: Vec<&str> = town.into_iter().rev().collect();
            out.push((name.join(" "), Some(state)));
        }
    }
    out
}

/// The full name of `name` as a town or county, in `state` when given, else in a state the
/// text names, else the only place of that name.
fn settle(g: &Gazetteer, name: &str, state: Option<u32>, named: &[u32]) -> Option<Where> {
    let name = name.trim();
    if name.len() < 3 {
        return None;
    }
    // (state, name) of each reading.
    let readings: Vec<(u32, String)> = g
        .lookup(name)
        .iter()
        .filter_map(|r| match r {
            Reading::Place(p) => {
                let place = &g.places[*p as usize];
                Some((place.state, place.name.clone()))
            }
            Reading::County(c) => {
                let county = &g.counties[*c as usize];
                Some((county.state, county.name.clone()))
            }
            _ => None,
        })
        .collect();
    let pick = match state {
        Some(s) => readings.iter().find(|(rs, _)| *rs == s),
        // The only town of its name, unless the name is also a word ("Police", "Eye").
        None => readings
            .iter()
            .find(|(rs, _)| named.contains(rs))
            .or(match readings.as_slice() {
                [only] if named.is_empty() && !is_common(&name.to_lowercase()) => Some(only),
                _ => None,
            }),
    }?;
    let st = &g.states[pick.0 as usize];
    let text = if st.country == "US" {
        format!("{}, {}", pick.1, st.name)
    } else {
        let country = g
            .countries
            .iter()
            .find(|c| c.code == st.country)
            .map_or(st.country.as_str(), |c| c.name.as_str());
        format!("{}, {}, {country}", pick.1, st.name)
    };
    Some(Where {
        text,
        resolved: true,
        state: Some(pick.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(dateline: Option<&str>, body: &str) -> Option<String> {
        resolve(dateline, body, &[])
            .filter(|w| w.resolved)
            .map(|w| w.text)
    }

    #[test]
    fn datelines_with_and_without_a_state() {
        assert_eq!(
            text(Some("LOUISVILLE, KY (WAVE)"), "A girl was shot.").as_deref(),
            Some("Louisville, Kentucky")
        );
        assert_eq!(
            text(Some("ST. LOUIS, Mo. (KMOV.com)"), "Police said.").as_deref(),
            Some("St. Louis, Missouri")
        );
        assert_eq!(
            text(
                Some("ST. LOUIS COUNTY (KTVI)"),
                "He lived in St. Louis, MO."
            )
            .as_deref(),
            Some("Saint Louis County, Missouri")
        );
    }

    #[test]
    fn a_town_and_its_state_in_the_opening() {
        assert_eq!(
            text(
                None,
                "Two men were killed in a shooting in Dayton, Ohio on Sunday."
            )
            .as_deref(),
            Some("Dayton, Ohio")
        );
        assert_eq!(
            text(None, "A man was shot in Gary, Ind., late Friday.").as_deref(),
            Some("Gary, Indiana")
        );
    }

    #[test]
    fn a_shared_name_needs_a_state_and_unknown_names_stay_as_written() {
        assert_eq!(
            text(
                None,
                "A 12-year-old Iowa girl was killed near Traer on Saturday."
            )
            .as_deref(),
            Some("Traer, Iowa")
        );
        assert_eq!(text(None, "Police said the man was shot in the eye."), None);
        // Louisville is a town in several states: the text must say which.
        assert_eq!(
            resolve(None, "Shots in Louisville.", &["Louisville".into()]).map(|w| w.resolved),
            Some(false)
        );
        let w = resolve(
            None,
            "Gunmen attacked.",
            &["the ancient city of Bam".into()],
        )
        .unwrap();
        assert!(!w.resolved);
        assert_eq!(w.text, "the ancient city of Bam");
        assert_eq!(
            resolve(None, "An update.", &["Update".into(), "Jan".into()]),
            None
        );
    }
}
