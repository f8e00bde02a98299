//! Which of several towns of one name a text means, told by the other places it names: the
//! one they lie around. "Burbank police" beside "the Los Angeles Marriott" is Burbank,
//! California, not Illinois; a state word need not be written for the neighbourhood to say it.

use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Gazetteer, key};

use super::sites::{largest, readings};

/// How far apart, in kilometres, two named towns may lie and still be one neighbourhood: a
/// suburb and its city, a town and its county seat.
const NEIGHBOUR_KM: f32 = 60.0;

/// A name of more towns than this, none dominant, says nothing about where a text is.
const TELLING_TOWNS: usize = 3;

/// The towns each name of a text may stand for, to place its other names by.
pub(super) struct Neighbourhood {
    /// Per name (its gazetteer key): the coordinates of the towns it may mean.
    names: Vec<(String, Vec<(f32, f32)>)>,
}

impl Neighbourhood {
    /// The towns `names` may stand for: the one that dwarfs the others of its name, or all of
    /// a name's few towns. Common words ("Police", "Eye") and the names of countries and
    /// peoples ("Georgia", "Jordan") stand for none.
    pub(super) fn new(g: &Gazetteer, names: &[&str]) -> Self {
        let mut out: Vec<(String, Vec<(f32, f32)>)> = Vec::new();
        for name in names {
            let k = key(name);
            if k.len() < 3 || is_common(&k) || out.iter().any(|(n, _)| *n == k) {
                continue;
            }
            let towns: Vec<(f32, f32)> = match largest(g, name) {
                Some(site) => site.at(g).into_iter().collect(),
                None => {
                    let towns: Vec<(f32, f32)> =
                        readings(g, name).iter().filter_map(|r| r.at(g)).collect();
                    if towns.len() <= TELLING_TOWNS {
                        towns
                    } else {
                        Vec::new()
                    }
                }
            };
            if !towns.is_empty() {
                out.push((k, towns));
            }
        }
        Neighbourhood { names: out }
    }

    /// How many names other than `name` may stand for a town within reach of `at`.
    pub(super) fn around(&self, name: &str, at: (f32, f32)) -> usize {
        let own = key(name);
        self.names
            .iter()
            .filter(|(n, towns)| {
                *n != own && towns.iter().any(|t| distance_km(*t, at) <= NEIGHBOUR_KM)
            })
            .count()
    }
}

/// The great-circle distance between two points (degrees), in kilometres.
pub(super) fn distance_km(a: (f32, f32), b: (f32, f32)) -> f32 {
    const EARTH_KM: f32 = 6371.0;
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle_kilometres() {
        // San Antonio to Universal City, Texas: about 25 km.
        let d = distance_km((29.42, -98.49), (29.55, -98.30));
        assert!((20.0..30.0).contains(&d), "{d}");
        assert!(distance_km((0.0, 0.0), (0.0, 0.0)) < 0.001);
    }
}
