//! Where a report places its event, resolved against the gazetteer: the dateline's town and
//! state ("LOUISVILLE, KY (WAVE) –", "ST. LOUIS COUNTY (KTVI)"), a town and its state in the
//! opening ("in Gary, Ind."), a place of the lead, or a name the text uses as a town ("Topeka
//! police"). Evidence is weighed together: the states and counties the text names, the other
//! names that can lie in one state, how often the opening names each town, and, when nothing
//! says which of several towns of a name it is, the one that dwarfs the others. A name the
//! gazetteer does not know, or cannot settle, is kept as written and marked unresolved.

mod clues;
mod home;
mod neighbours;
mod sites;

use crate::extract::common_words::is_common;
use crate::extract::gazetteer::{Reading, gazetteer, key};

use super::evidence::{PERSON, is_break, terms};
use clues::{
    counties_named, mentions, only_a_county, reads_as_person, states_named, town_and_state,
    town_of_its_part, towns_by_use,
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
    // A name the text gives an age or words to ("Hayden, 17,", "Brady said") is a person's,
    // whatever town bears it too.
    let lower_body = body.to_lowercase();
    // So are the names of a person the text names in full and then by surname ("Andrew
    // Carroll … Carroll was showing", "Christopher Cadenbach"), unless the text uses them as
    // a place.
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
    let settled: Vec<(usize, Site)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, (name, state, whole))| {
            settle(g, name, *state, *whole, &context).map(|s| (i, s))
        })
        .collect();
    // A large city the text names tells its state: a small namesake elsewhere of another of
    // its names ("Madisonville", a part of Cincinnati; "Bridgeport", of Chicago) is not the
    // site, unless the text writes that town's state.
    // A name the text itself settles elsewhere ("Cleveland" in the Bradley County it names) is
    // not the large city.
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
    let settled: Vec<(usize, Site)> = if large_states.is_empty() {
        settled
    } else {
        settled
            .into_iter()
            .filter(|(i, site)| {
                candidates[*i].1.is_some()
                    || large_states.contains(&site.state())
                    || context.states.contains(&site.state())
                    // A town of a county the text names ("Cleveland" of Bradley County);
                    // every reading of a county's own name is of a named county.
                    || (site.at(g).is_some()
                        && site.county().is_some_and(|c| context.counties.contains(&c)))
            })
            .collect()
    };
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
            .filter(|l| l.len() > name.len() && contains_words(l, &name))
            .map(|l| mentions(&lower_opening, l))
            .sum();
        mentions(&lower_opening, &name).saturating_sub(inside)
    };
    let settled = choose(g, &settled, mentions);
    // Nothing in the text says which of the towns sharing a name it is: the one readers
    // mean without saying, by far the largest, when there is one. So too when the states the
    // text names hold none of its towns: the state word was something else's ("the 700 block
    // of Tennessee", "Georgia Bureau of Investigation").
    let by_size = |from: usize| {
        candidates
            .iter()
            .skip(from)
            .filter(|(_, state, _)| state.is_none())
            .find_map(|(name, _, whole)| {
                largest(g, name)
                    .or_else(|| {
                        let country = country.as_deref().filter(|_| *whole)?;
                        largest_in(g, name, Some(country))
                    })
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
    if let Some(site) = settled {
        return Some(full_name(g, &site));
    }
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

/// True when `name` is a first name and the text writes it only before another capitalised
/// word ("Christopher Cadenbach"): a person's name, not Christopher, Illinois.
fn before_a_surname(body: &str, name: &str) -> bool {
    let name = name.trim();
    if !crate::extract::names::is_first_name(&name.to_lowercase()) {
        return false;
    }
    let mut uses = body.match_indices(name).filter(|(at, _)| {
        let before = body[..*at].chars().next_back();
        let after = body[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    });
    let mut any = false;
    let all = uses.all(|(at, _)| {
        any = true;
        let rest = &body[at + name.len()..];
        rest.strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    });
    any && all
}

/// True when `words` (lower case) appear in `name` as whole words ("miami" in "miami gardens").
fn contains_words(name: &str, words: &str) -> bool {
    name.match_indices(words).any(|(at, _)| {
        let before = name[..at].chars().next_back();
        let after = name[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(dateline: Option<&str>, body: &str) -> Option<String> {
        resolve(dateline, None, body, &[], None)
            .filter(|w| w.resolved)
            .map(|w| w.text)
    }

    #[test]
    fn datelines_with_and_without_a_state() {
        assert_eq!(
            text(Some("LOUISVILLE, KY (WAVE)"), "A girl was shot.").as_deref(),
            Some("Louisville, Jefferson County, Kentucky")
        );
        assert_eq!(
            text(Some("ST. LOUIS, Mo. (KMOV.com)"), "Police said.").as_deref(),
            Some("St. Louis, City of Saint Louis, Missouri")
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
            Some("Dayton, Montgomery County, Ohio")
        );
        assert_eq!(
            text(None, "A man was shot in Gary, Ind., late Friday.").as_deref(),
            Some("Gary, Lake County, Indiana")
        );
    }

    #[test]
    fn a_state_word_that_holds_no_town_does_not_stop_a_large_city() {
        // "Tennessee" is a street here: Detroit is still the Detroit readers mean.
        let body = "Detroit police say a 16-year-old boy was shot on Detroit's east side. \
                    It happened in the 700 block of Tennessee.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Detroit, Wayne County, Michigan")
        );
    }

    #[test]
    fn namesakes_are_told_apart_by_the_towns_around_them() {
        // Burbank, California and Burbank, Illinois are of like size; the Los Angeles
        // hotel says which.
        let body = "A man was found dead outside a hotel, Burbank police said. Officers were \
                    called to the Los Angeles Marriott Burbank Airport.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Burbank, Los Angeles County, California")
        );
    }

    #[test]
    fn a_neighbourhood_park_is_not_a_town() {
        // Portage Park is a part of Chicago, not of Portage, Indiana, 50 km away.
        let body = "A boy was shot in the head Friday morning in Portage Park, police said. \
                    The shooting appears to be accidental, said a Chicago Police Department \
                    spokeswoman. Portage Park police are investigating.";
        assert_eq!(
            text(Some("PORTAGE PARK"), body).as_deref(),
            Some("Chicago, Cook County, Illinois")
        );
    }

    #[test]
    fn a_large_city_named_outweighs_a_small_namesake_elsewhere() {
        // Madisonville is a part of Cincinnati, and a town in Texas; Mathis, a street here,
        // is a Texan town too, so Texas alone would win.
        let body = "Cincinnati police officers investigate the scene on Mathis and Prentice in \
                    Madisonville after a shooting. A man was shot at a Madisonville party.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Cincinnati, Hamilton County, Ohio")
        );
    }

    #[test]
    fn a_county_is_not_its_namesake_town() {
        // Tama County, Iowa holds both Tama and Traer: the text names only the county and
        // Traer, so Traer it is, however often the county comes back.
        let body = "UPDATE: 12 year-old Traer girl killed in weekend hunting accident\n\n\
                    A hunting tragedy shook a Tama County community Saturday.\n\n\
                    A hunting tragedy shook a Tama County community Saturday.\n\n\
                    Services are set for the girl who died in Tama County.\n\n\
                    The Traer community is grieving.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Traer, Tama County, Iowa")
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
            Some("Traer, Tama County, Iowa")
        );
        assert_eq!(text(None, "Police said the man was shot in the eye."), None);
        // Springfield is a town of many states, none much larger: the text must say which.
        assert_eq!(
            resolve(
                None,
                None,
                "Shots in Springfield.",
                &["Springfield".into()],
                None
            )
            .map(|w| w.resolved),
            Some(false)
        );
        let w = resolve(
            None,
            None,
            "Gunmen attacked.",
            &["the ancient city of Bam".into()],
            None,
        )
        .unwrap();
        assert!(!w.resolved);
        assert_eq!(w.text, "the ancient city of Bam");
        assert_eq!(
            resolve(
                None,
                None,
                "An update.",
                &["Update".into(), "Jan".into()],
                None
            ),
            None
        );
    }

    #[test]
    fn a_town_that_dwarfs_its_namesakes_is_taken_as_a_guess() {
        let w = resolve(
            None,
            None,
            "Shots in Las Vegas.",
            &["Las Vegas".into()],
            None,
        )
        .unwrap();
        assert_eq!(w.text, "Las Vegas, Clark County, Nevada");
        assert!(w.resolved && w.guessed, "{w:?}");
        // A state the text names rules the guess out: that state or nothing.
        let w = resolve(
            None,
            None,
            "Shots in Las Vegas. Las Vegas police said the man came from Santa Fe, New Mexico.",
            &["Las Vegas".into()],
            None,
        )
        .unwrap();
        assert_eq!(w.text, "Las Vegas, San Miguel County, New Mexico");
        assert!(!w.guessed);
    }

    #[test]
    fn towns_are_read_by_how_news_uses_them() {
        // "Topeka police", "a Uniontown man": a name before such a word is a town.
        let w = resolve(
            None,
            None,
            "Topeka police said a boy, 5, was shot.",
            &[],
            None,
        )
        .unwrap();
        assert_eq!(w.text, "Topeka, Shawnee County, Kansas");
        // The county the text names says which Caledonia it is.
        assert_eq!(
            text(
                None,
                "A Caledonia man was killed. Livingston County deputies said the man was shot."
            )
            .as_deref(),
            Some("Caledonia, Livingston County, New York")
        );
        // A name with an age is a person, whatever town bears it.
        assert_eq!(
            resolve(
                None,
                None,
                "Police said Hayden, 17, was shot in the arm.",
                &["Hayden".into()],
                None
            )
            .filter(|w| w.resolved),
            None
        );
    }

    #[test]
    fn measured_from_a_town_is_not_in_it_and_a_country_is_no_town() {
        // The dateline is where it was filed; "south-west of Cairo" is not Cairo; the lead's
        // province, unresolved, is kept; "Egypt" is the country, not the Pennsylvania town.
        let w = resolve(
            Some("Cairo:"),
            None,
            "Cairo: Egyptian forces killed 12 in clashes south-west of Cairo in Egypt's desert.",
            &["the province of the New Valley".into()],
            None,
        )
        .unwrap();
        assert_eq!(w.text, "the province of the New Valley");
        assert!(!w.resolved);
    }

    #[test]
    fn the_town_the_report_keeps_naming_beats_the_station_city() {
        let body = "LITTLE ROCK, Ark. - A Benton boy has died after being shot, police say.\n\
                    Benton police were called to a home on Nelson Court in Benton.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Benton, Saline County, Arkansas")
        );
    }

    #[test]
    fn a_dateline_in_capitals_and_a_part_of_a_town() {
        let w = text(
            None,
            "Indianapolis, IND. — IMPD is investigating a shooting.\n\nA man was shot.",
        );
        assert_eq!(w.as_deref(), Some("Indianapolis, Marion County, Indiana"));
        // "West Baltimore" is a part of Baltimore: a guess, as a name alone is.
        let w = resolve(
            None,
            None,
            "A man was wounded in the Edmondson Village neighborhood of West Baltimore.",
            &[],
            None,
        )
        .unwrap();
        assert_eq!(w.text, "Baltimore, City of Baltimore, Maryland");
        assert!(w.guessed);
    }

    #[test]
    fn the_outlets_home_tells_namesakes_apart_as_a_guess() {
        let body = "A 16-year-old Yuma man was killed when a shotgun went off.";
        let w = resolve(None, None, body, &[], Some("www.denverpost.com")).unwrap();
        assert_eq!(w.text, "Yuma, Yuma County, Colorado");
        assert!(w.resolved && w.guessed, "{w:?}");
        // Without a home, the largest Yuma.
        let w = resolve(None, None, body, &[], None).unwrap();
        assert_eq!(w.text, "Yuma, Yuma County, Arizona");
        // The text's own word outweighs the outlet's home.
        let w = resolve(
            None,
            None,
            &format!("{body} Yuma, Ariz., police said."),
            &[],
            Some("www.denverpost.com"),
        );
        assert_eq!(w.unwrap().text, "Yuma, Yuma County, Arizona");
    }

    #[test]
    fn a_surname_used_alone_is_no_town_and_small_towns_are_known() {
        let body = "A girl was accidentally shot Monday night in Chalmette, officials said. \
                    Andrew Carroll was arrested, the St. Bernard Parish Sheriff's Office said. \
                    Carroll was showing the girls a handgun. Carroll's home is near.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Chalmette, Saint Bernard Parish, Louisiana")
        );
        assert!(before_a_surname(
            "Christopher Cadenbach, 43, had spent",
            "Christopher"
        ));
        assert!(!before_a_surname(
            "Christopher Cadenbach of Christopher.",
            "Christopher"
        ));
        assert!(!before_a_surname(
            "Cleveland Browns in Cleveland.",
            "Cleveland"
        ));
        // A town of fewer than 1,000 people, from GeoNames' cities500, has no county.
        assert_eq!(
            text(
                None,
                "A boy died after an accidental shooting in Elgin, Iowa."
            )
            .as_deref(),
            Some("Elgin, Iowa")
        );
    }

    #[test]
    fn a_longer_name_keeps_its_mentions_and_a_county_gives_way_to_its_small_town() {
        let body = "MIAMI GARDENS, Fla. (WSVN) -- A teen was shot inside a Miami Gardens home. \
                    Miami Gardens police said. 7NEWS Miami. Miami-Dade police. Miami again.";
        assert_eq!(
            text(None, body).as_deref(),
            Some("Miami Gardens, Miami-Dade County, Florida")
        );
        // Campbellsburg (cities500, no county) lies in the Washington County the text names.
        let body = "(CAMPBELLSBURG) - Washington County police were called to North Starr Road \
                    in Campbellsburg. Washington County EMS and the Washington County Indiana \
                    Sheriff's Department.";
        assert_eq!(text(None, body).as_deref(), Some("Campbellsburg, Indiana"));
    }

    #[test]
    fn namesakes_abroad_are_told_apart_by_the_country_of_the_other_names() {
        // Toledo, Ohio is not four times Toledo, Cebu: the streets and towns of the text are
        // American, so is its Toledo (a guess, as a size guess is).
        let body = "Toledo police continue to investigate a shooting at a club at Belmont and \
                    Junction avenues. Officers in the 1200 block of Sherman Street found a \
                    man, 47, of Toledo with a gunshot wound. The victims are Dominique Davis, \
                    25, and Stephaun Gaston, 22.";
        let w = resolve(None, None, body, &[], None).unwrap();
        assert_eq!(w.text, "Toledo, Lucas County, Ohio");
        assert!(w.guessed);
        assert_eq!(
            text(None, "Toledo police investigate."),
            None,
            "nothing tells which Toledo"
        );
    }

    #[test]
    fn a_local_outlets_news_is_near_home() {
        // Nothing settles: a size guess far from home is another town's name ("Chesapeake
        // Place" is a street), so the outlet's home city is the guess.
        let body = "A Rickards High student was shot Sunday on Chesapeake Place, police said.";
        let w = resolve(None, None, body, &[], Some("www.tallahassee.com")).unwrap();
        assert_eq!(w.text, "Tallahassee, Leon County, Florida");
        assert!(w.guessed);
        let w = resolve(None, None, body, &[], None).map(|w| w.text);
        assert_ne!(w.as_deref(), Some("Tallahassee, Leon County, Florida"));
    }
}
