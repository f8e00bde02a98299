//! Where an incident's place, as the file writes it ("Dayton, Montgomery County, Ohio",
//! "Road to the Bahariya Oasis, Western Desert, southwest of Cairo, Egypt"), lies in the
//! gazetteer: its country, state, county and town, as far as the words name them. Nothing is
//! guessed: a part the gazetteer does not know is passed over, and a town is taken only when
//! it agrees with the state and country named beside it (or, with none named, when it is the
//! largest of its name).

use super::gazetteer::{Gazetteer, Reading, gazetteer};

/// How precisely a place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A populated place (town, city): its coordinates are the town's.
    Town,
    /// A county (second-order division) only.
    County,
    /// A state (first-order division) only.
    State,
    /// The country only.
    Country,
}

/// A place resolved in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// How precisely.
    pub precision: Precision,
    /// The country's ISO 3166 two-letter code, and its name.
    pub country: Option<(String, String)>,
    /// The state (first-order division).
    pub admin1: Option<String>,
    /// The county (second-order division).
    pub admin2: Option<String>,
    /// The town.
    pub town: Option<String>,
    /// The town's latitude and longitude (GeoNames, to two decimals).
    pub at: Option<(f32, f32)>,
}

/// Resolve `place`, or `None` when no part of it is in the gazetteer.
pub fn resolve(place: &str) -> Option<Resolved> {
    resolve_in(gazetteer(), place)
}

fn resolve_in(g: &Gazetteer, place: &str) -> Option<Resolved> {
    let parts: Vec<&str> = place
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // The broadest parts come last: the country, then the state.
    let country = parts.iter().rev().find_map(|p| {
        g.lookup(p).iter().find_map(|r| match r {
            Reading::Country(c) => Some(*c as usize),
            _ => None,
        })
    });
    let country_code = country.map(|c| g.countries[c].code);
    let in_country = |code: &str| country_code.is_none_or(|c| c == code);
    let state = parts.iter().rev().find_map(|p| {
        g.lookup(p).iter().find_map(|r| match r {
            Reading::State(s) if in_country(g.states[*s as usize].country) => Some(*s),
            _ => None,
        })
    });
    let county = parts.iter().find_map(|p| {
        g.lookup(p).iter().find_map(|r| match r {
            Reading::County(c)
                if state.is_none_or(|s| g.counties[*c as usize].state == s)
                    && in_country(g.states[g.counties[*c as usize].state as usize].country) =>
            {
                Some(*c)
            }
            _ => None,
        })
    });
    // The most specific part naming a town that agrees with the rest; of several towns of
    // one name, the largest.
    let town = parts.iter().find_map(|p| {
        g.lookup(p)
            .iter()
            .filter_map(|r| match r {
                Reading::Place(i) => Some(*i),
                _ => None,
            })
            .filter(|&i| {
                let t = &g.places[i as usize];
                state.is_none_or(|s| t.state == s)
                    && county.is_none_or(|c| t.county == Some(c))
                    && in_country(g.states[t.state as usize].country)
            })
            .max_by_key(|&i| g.places[i as usize].population)
    });
    let town = town.map(|i| &g.places[i as usize]);
    let state = town.map(|t| t.state).or(state);
    let county = town.and_then(|t| t.county).or(county);
    let country = match (country, state) {
        (Some(c), _) => Some(c),
        (None, Some(s)) => {
            let code = &g.states[s as usize].country;
            g.countries.iter().position(|c| &c.code == code)
        }
        (None, None) => None,
    };
    let precision = if town.is_some() {
        Precision::Town
    } else if county.is_some() {
        Precision::County
    } else if state.is_some() {
        Precision::State
    } else if country.is_some() {
        Precision::Country
    } else {
        return None;
    };
    Some(Resolved {
        precision,
        country: country.map(|c| {
            (
                g.countries[c].code.to_string(),
                g.countries[c].name.to_string(),
            )
        }),
        admin1: state.map(|s| g.states[s as usize].name.to_string()),
        admin2: county.map(|c| g.counties[c as usize].name.to_string()),
        town: town.map(|t| t.name.to_string()),
        at: town.map(|t| t.at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_us_town_with_its_county_and_state() {
        let r = resolve("Dayton, Montgomery County, Ohio").unwrap();
        assert_eq!(r.precision, Precision::Town);
        assert_eq!(r.town.as_deref(), Some("Dayton"));
        assert_eq!(r.admin1.as_deref(), Some("Ohio"));
        assert_eq!(r.country.as_ref().map(|c| c.0.as_str()), Some("US"));
        let (lat, lon) = r.at.unwrap();
        assert!(
            (lat - 39.76).abs() < 0.1 && (lon + 84.19).abs() < 0.1,
            "{lat} {lon}"
        );
    }

    #[test]
    fn words_the_gazetteer_does_not_know_are_passed_over() {
        let r = resolve("Road to the Bahariya Oasis, Western Desert, southwest of Cairo, Egypt")
            .unwrap();
        assert_eq!(r.country.as_ref().map(|c| c.1.as_str()), Some("Egypt"));
        assert_eq!(r.precision, Precision::Country);
        assert!(r.at.is_none(), "no coordinates are made up");
        assert_eq!(resolve("somewhere unnamed"), None);
    }

    #[test]
    fn a_town_must_agree_with_the_state_named() {
        let r = resolve("Springfield, Illinois").unwrap();
        assert_eq!(r.admin1.as_deref(), Some("Illinois"));
        assert_eq!(r.town.as_deref(), Some("Springfield"));
    }
}
