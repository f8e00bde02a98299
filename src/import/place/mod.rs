//! Where a report places its event, resolved against the gazetteer: the dateline's town and
//! state ("LOUISVILLE, KY (WAVE) –", "ST. LOUIS COUNTY (KTVI)"), a town and its state in the
//! opening ("in Gary, Ind."), a place of the lead, or a name the text uses as a town ("Topeka
//! police"). Evidence is weighed together: the states and counties the text names, the other
//! names that can lie in one state, the towns around each namesake, how often the opening
//! names each town, and, when nothing says which of several towns of a name it is, as a
//! guess, the one near the outlet's home or the one that dwarfs the others (in the country
//! the text's other names point to). A name the gazetteer does not know, or cannot settle, is
//! kept as written and marked unresolved.

mod clues;
mod home;
mod neighbours;
mod sites;

use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Gazetteer, Reading, gazetteer, key};

use super::evidence::{PERSON, is_break, terms};
use clues::{
    as_words, before_a_surname, counties_named, mentions, only_a_county, reads_as_person,
    states_named, town_and_state, town_of_its_part, towns_by_use,
};
use neighbours::Neighbourhood;
use sites::{
    Context, Site, choose, country_of_names, full_name, largest, largest_in, settle,
    support_by_state,
};

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
    /// True when nothing in the text said which of the towns of its name it is, and the
    /// largest, or the one near the outlet's home, was taken: a guess, too weak to join
    /// reports by.
    pub(super) guessed: bool,
    /// The town's population, when the gazetteer settled a town (0 for a county or a name
    /// it does not know): two reports of one small town's shooting on one day are of one
    /// incident more surely than two of Chicago's.
    pub(super) population: u32,
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

/// The place of a report with `dateline`, `body` and the places its lead names, published by
/// `outlet` (a host or an address, whose home tells namesakes apart).
pub(super) fn resolve(
    dateline: Option<&str>,
    headline: Option<&str>,
    body: &str,
    lead_places: &[String],
    outlet: Option<&str>,
) -> Option<Where> {
    let g = gazetteer();
    // The story starts at its dateline: what comes before (image ids, captions, menus) is
    // not where it happened. A scraper hands the headline apart from the text; it often
    // names the town.
    let body = dateline
        .and_then(|d| body.find(d))
        .map_or(body, |at| &body[at..]);
    let body = match headline {
        Some(h) if !body[..body.floor_char_boundary(h.len() + 400)].contains(h) => {
            std::borrow::Cow::Owned(format!("{h}\n\n{body}"))
        }
        _ => std::borrow::Cow::Borrowed(body),
    };
    let body = body.as_ref();
    let opening = &body[..body.floor_char_boundary(OPENING_BYTES)];
    let names = terms(opening);
    let pairs = town_and_state(g, opening);
    let mut states = states_named(g, &pairs, &names);
    if states.is_empty() {
        // Local news seldom names its own state; a later "Town, State" or state name says it.
        states = states_named(g, &town_and_state(g, body), &terms(body));
    }
    let counties = counties_named(g, body);
    let mut candidates = named_places(dateline, pairs, lead_places, opening);
    let all_names: Vec<&str> = candidates
        .iter()
        .map(|(n, _, _)| n.as_str())
        .chain(names.iter().map(String::as_str))
        .collect();
    let context = Context {
        support: support_by_state(g, &all_names, &counties),
        neighbourhood: Neighbourhood::new(g, &all_names),
        states,
        counties,
        home: outlet.and_then(home::outlet_home),
    };
    // Namesakes of like size in several countries ("Toledo": Ohio, Cebu, Paraná, Spain): the
    // largest in the country the text's other names point to.
    let country = country_of_names(g, &all_names);
    // Any name of the opening may be a town of a state or county the text names.
    if !context.states.is_empty() || !context.counties.is_empty() {
        candidates.extend(names.iter().map(|t| (t.clone(), None, false)));
    }
    drop_people(&mut candidates, &names, body);
    let settled: Vec<(usize, Site)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, (name, state, whole))| {
            settle(g, name, *state, *whole, &context).map(|s| (i, s))
        })
        .collect();
    let settled = without_small_namesakes(g, &candidates, settled, &context);
    let lower_opening = opening.to_lowercase();
    // "Miami" inside "Miami Gardens" names the other town: a name's mentions inside a longer
    // name that also settled do not count for it.
    let mut longer_names: Vec<String> = settled
        .iter()
        .map(|(i, _)| candidates[*i].0.trim().to_lowercase())
        .collect();
    longer_names.sort_unstable();
    longer_names.dedup();
    let mentions = |i: usize| {
        let name = candidates[i].0.trim().to_lowercase();
        let inside: usize = longer_names
            .iter()
            .filter(|l| l.len() > name.len() && as_words(l, &name).next().is_some())
            .map(|l| mentions(&lower_opening, l))
            .sum();
        mentions(&lower_opening, &name).saturating_sub(inside)
    };
    match choose(g, &settled, mentions) {
        Some(site) => Some(full_name(g, &site)),
        None => guess(
            &candidates,
            &context,
            country.as_deref(),
            dateline,
            lead_places,
        ),
    }
}

/// Drops the candidates that are people's names: a name the text gives an age or words to
/// ("Hayden, 17,", "Brady said"), whatever town bears it too, and the names of a person the
/// text names in full and then by surname ("Andrew Carroll … Carroll was showing",
/// "Christopher Cadenbach"), unless the text uses them as a place. So too a name that is
/// only a county's in the text ("Tama County").
fn drop_people(candidates: &mut Vec<Candidate>, names: &[String], body: &str) {
    let lower_body = body.to_lowercase();
    let personal: Vec<&str> = names
        .iter()
        .filter_map(|t| t.strip_prefix(PERSON))
        .flat_map(|full| full.split(' '))
        .collect();
    candidates.retain(|(name, state, whole)| {
        let surname =
            !whole && (personal.contains(&key(name).as_str()) || before_a_surname(body, name));
        state.is_some()
            || !(surname || reads_as_person(&lower_body, name) || only_a_county(&lower_body, name))
    });
}

/// The settled sites without the small namesakes elsewhere of a large city the text names:
/// the city tells its state ("Madisonville", a part of Cincinnati; "Bridgeport", of Chicago),
/// unless the text writes that town's state or names its county. A name the text itself
/// settles elsewhere ("Cleveland" in the Bradley County it names) is not the large city.
fn without_small_namesakes(
    g: &Gazetteer,
    candidates: &[Candidate],
    settled: Vec<(usize, Site)>,
    context: &Context,
) -> Vec<(usize, Site)> {
    let settled_elsewhere = |name: &str, large: &Site| {
        settled
            .iter()
            .any(|(i, s)| candidates[*i].0 == name && s.state() != large.state())
    };
    let large_states: Vec<u32> = candidates
        .iter()
        .filter(|(_, state, whole)| state.is_none() && *whole)
        .filter_map(|(name, _, _)| largest(g, name).filter(|l| !settled_elsewhere(name, l)))
        .map(|site| site.state())
        .collect();
    if large_states.is_empty() {
        return settled;
    }
    settled
        .into_iter()
        .filter(|(i, site)| {
            candidates[*i].1.is_some()
                || large_states.contains(&site.state())
                || context.states.contains(&site.state())
                // A town of a county the text names ("Cleveland" of Bradley County); every
                // reading of a county's own name is of a named county.
                || (site.at(g).is_some()
                    && site.county().is_some_and(|c| context.counties.contains(&c)))
        })
        .collect()
}

/// The place when nothing in the text settles one. Nothing says which of the towns sharing a
/// name it is: the one readers mean without saying, by far the largest, when there is one
/// (in the `country` the text's names point to, among namesakes of like size abroad; near the
/// outlet's home, when it has one). So too when the states the text names hold none of its
/// towns: the state word was something else's ("the 700 block of Tennessee", "Georgia Bureau
/// of Investigation"). Then the outlet's home city, then a lead's place unresolved.
fn guess(
    candidates: &[Candidate],
    context: &Context,
    country: Option<&str>,
    dateline: Option<&str>,
    lead_places: &[String],
) -> Option<Where> {
    let g = gazetteer();
    let by_size = |from: usize| {
        candidates
            .iter()
            .skip(from)
            .filter(|(_, state, _)| state.is_none())
            .find_map(|(name, _, whole)| {
                largest(g, name)
                    .or_else(|| largest_in(g, name, Some(country.filter(|_| *whole)?)))
                    // A local outlet's news is near home: a guess far from it is another
                    // town's name ("Chesapeake Place" in Tallahassee).
                    .filter(|site| {
                        context
                            .home
                            .is_none_or(|h| h.near(site.state(), site.at(g)))
                    })
            })
            .map(|site| Where {
                guessed: true,
                ..full_name(g, &site)
            })
    };
    // The dateline is where the report was filed: a guess at its town comes after the places
    // the lead names, even unresolved ("the south-western province of the New Valley").
    let after_dateline = usize::from(dateline.is_some());
    // Failing all else, a local outlet's news is of its home city.
    let home = || {
        let site = context.home?.town()?;
        Some(Where {
            guessed: true,
            ..full_name(g, &site)
        })
    };
    by_size(after_dateline)
        .or_else(home)
        .or_else(|| {
            // Unresolved, a place is kept only when it reads as a name ("Humboldt Park"), not
            // as a word a sentence opens with ("Update", "Children") or a date ("Jan").
            lead_places
                .iter()
                .find(|p| reads_as_name(p))
                .map(|p| Where {
                    text: p.clone(),
                    resolved: false,
                    state: None,
                    guessed: false,
                    population: 0,
                })
        })
        .or_else(|| by_size(0))
}

/// A name the text may mean as the event's town: (name, the state written with it, whether
/// the text names it as a place). A word of a longer name ("David" of "David Lee") is a town
/// only when the text says in which state.
type Candidate = (String, Option<u32>, bool);

/// The names that may be the event's town, in the order they are weighed: the dateline's,
/// the "Town, State" `pairs` of the opening, the lead's places, the names the opening uses
/// as towns, then the words of the lead's places ("Pittsburgh Public Safety Department").
fn named_places(
    dateline: Option<&str>,
    pairs: Vec<(String, Option<u32>)>,
    lead_places: &[String],
    opening: &str,
) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    if let Some(d) = dateline {
        let (town, rest) = d.split_once(',').unwrap_or((d, ""));
        let town = town.split(['(', ':', '—', '–']).next().unwrap_or(town);
        let region = rest.split(['(', '—', '–']).next().unwrap_or("").trim();
        candidates.push((town.trim().to_string(), gazetteer().state(region), true));
    }
    candidates.extend(pairs.into_iter().map(|(t, s)| (t, s, true)));
    // "West Baltimore" is a part of Baltimore when no town bears the whole name; a guess
    // only, as a word of a longer name is: "North Lawndale" is a part of Chicago, not of
    // Lawndale, California.
    let with_town = |name: String| {
        let town = town_of_its_part(&name)
            .filter(|_| {
                !gazetteer()
                    .lookup(&name)
                    .iter()
                    .any(|r| matches!(r, Reading::Place(_)))
            })
            .map(|t| (t.to_string(), None, false));
        std::iter::once((name, None, true)).chain(town)
    };
    candidates.extend(lead_places.iter().cloned().flat_map(with_town));
    candidates.extend(towns_by_use(opening).into_iter().flat_map(with_town));
    candidates.extend(
        lead_places
            .iter()
            .flat_map(|p| terms(p))
            .map(|t| (t, None, false)),
    );
    candidates
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

#[cfg(test)]
mod tests;
