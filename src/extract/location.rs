//! Location claims: a distance and/or direction from a reference place ("some 300 kilometres
//! (186 miles) south west of Cairo", "less than 200 km from Cairo", "south of the capital"),
//! and places named in event sentences ("in the Bahariya oasis", "on the road to Bahariya
//! Oasis", "in the country's western desert").

use super::lexicon::Lexicon;
use super::numbers::number_at;
use super::timex::is_calendar_word;
use super::tokens::{Kind, Tokens};
use crate::model::{Distance, Hedge};

/// A location claim found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// First token.
    pub start: usize,
    /// Token after it.
    pub end: usize,
    /// A place named.
    pub place: Option<String>,
    /// A distance.
    pub distance: Option<Distance>,
    /// A compass direction, normalised ("southwest").
    pub direction: Option<String>,
    /// The reference place.
    pub from: Option<String>,
    /// How firmly (from the distance qualifier).
    pub hedge: Hedge,
}

impl Location {
    /// A place named by tokens `start..end`, as written.
    pub fn named(toks: &Tokens, start: usize, end: usize) -> Location {
        Location {
            start,
            end,
            place: Some(toks.slice(start, end).to_string()),
            distance: None,
            direction: None,
            from: None,
            hedge: Hedge::Exact,
        }
    }
}

const POINTS: [&str; 4] = ["north", "south", "east", "west"];

/// A compass direction at token `i` ("southwest", "south-west", "south west").
fn direction_at(toks: &Tokens, i: usize) -> Option<(String, usize)> {
    let word = toks.lower(i)?;
    // Every direction starts with a compass point: most words leave here without allocating.
    if !POINTS.iter().any(|p| word.starts_with(p)) {
        return None;
    }
    let joined = word.replace('-', "");
    let valid = |d: &str| {
        POINTS.contains(&d)
            || (d.len() > 5
                && ["north", "south"].iter().any(|p| d.starts_with(p))
                && ["east", "west"].iter().any(|p| d.ends_with(p)))
    };
    if (joined == "north" || joined == "south")
        && let Some(next) = toks.lower(i + 1).filter(|n| matches!(*n, "east" | "west"))
    {
        return Some((format!("{joined}{next}"), i + 2));
    }
    valid(&joined).then(|| (joined, i + 1))
}

/// The reference place after "of"/"from" at token `i`: capitalised words, or "the capital",
/// or "the Egyptian capital" (resolved through the lexicon's capitals).
fn reference_place(toks: &Tokens, i: usize, lex: &Lexicon) -> Option<(String, usize)> {
    let mut j = i;
    if toks.is(j, "the") {
        j += 1;
    }
    if toks.is(j, "capital") {
        return Some(("the capital".to_string(), j + 1));
    }
    if toks.is(j + 1, "capital")
        && let Some(city) = toks.lower(j).and_then(|d| lex.capitals.get(d))
    {
        return Some((city.clone(), j + 2));
    }
    let start = j;
    while toks.is_capitalized(j) && !toks.lower(j).is_some_and(is_calendar_word) {
        j += 1;
    }
    (j > start).then(|| (toks.slice(start, j).to_string(), j))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Distance and direction claims in tokens `from..to`.
pub fn relative(toks: &Tokens, from: usize, to: usize, lex: &Lexicon) -> Vec<Location> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        match relative_at(toks, i, from, lex).filter(|l| l.end <= to) {
            Some(location) => {
                i = location.end;
                found.push(location);
            }
            None => i += 1,
        }
    }
    found
}

fn relative_at(toks: &Tokens, i: usize, from: usize, lex: &Lexicon) -> Option<Location> {
    let (qualifier, n_at) = match lex.distance_qualifiers.at(toks, i) {
        Some((q, j)) => (Some(q), j),
        None => (None, i),
    };
    let mut distance = None;
    let mut j = n_at;
    if let Some((value, None, after)) = number_at(toks, n_at)
        && let Some((factor, after_unit)) = lex.units.at(toks, after)
    {
        distance = Some(Distance {
            km: round1(value as f64 * factor),
            value: value as f64,
            unit: toks.slice(after, after_unit).to_string(),
            qualifier: qualifier.clone(),
        });
        j = after_unit;
        // "(186 miles)": the same distance converted; not a second claim.
        if toks.is_punct(j, '(')
            && let Some(close) = (j + 1..j + 5).find(|&k| toks.is_punct(k, ')'))
        {
            j = close + 1;
        }
    } else if qualifier.is_some() {
        return None;
    }
    // "the north of the Sinai Peninsula" is a region, not a direction from a place.
    let direction = match direction_at(toks, j) {
        Some(_) if distance.is_none() && i > from && toks.is(i - 1, "the") => return None,
        Some((d, after)) => {
            j = after;
            Some(d)
        }
        None => None,
    };
    if distance.is_none() && direction.is_none() {
        return None;
    }
    if !toks.is_any(j, &["of", "from"]) {
        return None;
    }
    let (place, end) = reference_place(toks, j + 1, lex)?;
    let hedge = match qualifier.as_deref() {
        Some("less_than") => Hedge::AtMost,
        Some("more_than") => Hedge::AtLeast,
        Some(_) => Hedge::About,
        None => Hedge::Exact,
    };
    Some(Location {
        start: i,
        end,
        place: None,
        distance,
        direction,
        from: Some(place),
        hedge,
    })
}

/// True for a word after which a place is named (a match: asked of every word of a text).
fn is_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "near" | "at" | "outside" | "inside" | "to" | "on" | "off" | "into" | "from" | "of"
    )
}

/// Places named after a locative preposition in tokens `from..to`.
pub fn places(toks: &Tokens, from: usize, to: usize, lex: &Lexicon) -> Vec<Location> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        if !toks.lower(i).is_some_and(is_locative) {
            i += 1;
            continue;
        }
        // "of" and "from" introduce a place only when it is surely one ("Residents of
        // Sonoma County", "a man from Chicago"; not "the Society of ...").
        let sure = toks.is_any(i, &["of", "from"]);
        match place_at(toks, i + 1, to, lex)
            .filter(|(place, ..)| !sure || super::gazetteer::gazetteer().is_place(place))
        {
            Some((_, start, end)) => {
                found.push(Location::named(toks, start, end));
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

fn place_at(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<(String, usize, usize)> {
    let mut j = i;
    // "in one Long Island community", "in his Englewood home".
    if toks.is_any(j, &["the", "a", "an", "one", "his", "her", "their", "its"]) {
        j += 1;
    }
    let start = j;
    // Capitalised names, perhaps after a region adjective ("northern Sinai", "north St.
    // Louis").
    let mut k = j;
    if toks.is_any(k, &super::sites::REGIONS) && toks.is_capitalized(k + 1) {
        k += 1;
    }
    let caps_start = k;
    while k < to {
        if toks.is_capitalized(k) && !toks.lower(k).is_some_and(is_calendar_word) {
            k += 1;
            // "Southeast D.C.", "St. Charles Hospital".
            if toks.is_punct(k, '.') && toks.text(k - 1).len() <= 2 && toks.is_capitalized(k + 1) {
                k += 1;
            }
            continue;
        }
        // "the Gulf of Aden", "the Safe and Sound Senior Citizen Social Club".
        if k > caps_start
            && toks.is_any(k, &["of", "and", "de", "la"])
            && toks.is_capitalized(k + 1)
        {
            k += 1;
            continue;
        }
        break;
    }
    // "in St. Paul Shooting": a title-case headline's event noun ends the run, not the
    // place.
    let event_noun = |i: usize| {
        lex.outcomes.contains_at(toks, i)
            || lex.object_outcomes.contains_at(toks, i)
            || lex.means.contains_at(toks, i)
    };
    if k > caps_start + 1 && event_noun(k - 1) {
        k -= 1;
    }
    // "an Islamist ambush": an adjective of creed or people, not a place.
    let adjective = k == caps_start + 1
        && toks
            .lower(caps_start)
            .is_some_and(super::common_words::adjective_ending)
        && toks.kind(k) == Some(Kind::Word)
        && !toks.is_capitalized(k);
    if adjective {
        return None;
    }
    let mut end = if k > caps_start { Some(k) } else { None };
    // Or words before a place noun ("the country's western desert", "a military checkpoint").
    let search_from = end.unwrap_or(start);
    for n in search_from..(search_from + 4).min(to) {
        if lex.place_nouns.contains_at(toks, n) {
            let all_words = (search_from..n)
                .all(|w| toks.kind(w) == Some(Kind::Word) || toks.is_any(w, &["’s", "'s"]));
            // A bare "the region" or "the road" names no place; "the road to Bahariya" does.
            let named = end.is_some()
                || n > search_from
                || (toks.is_any(n + 1, &["to", "of"]) && toks.is_capitalized(n + 2));
            if all_words && named {
                end = Some(n + 1);
            }
            break;
        }
        if toks.kind(n) != Some(Kind::Word) && !toks.is_any(n, &["’s", "'s"]) {
            break;
        }
    }
    let mut end = end?;
    // "an assault on Egypt's security forces": Egypt owns, it is not where.
    if toks.is_any(end, &["’s", "'s"]) {
        return None;
    }
    // Organisations are not places ("a senior official at the Interior Ministry").
    let words: Vec<&str> = (start..end).filter_map(|w| toks.lower(w)).collect();
    // A site keeps its name ("Gary Methodist Hospital"); "New Zealand-born" is a birthplace.
    let site = words.last().is_some_and(|w| super::sites::is_site_word(w));
    if (lex.source_kind(&words).is_some() && !site)
        || (start..end).any(|w| lex.actors.contains_at(toks, w))
        || toks.is_punct(end, '-')
    {
        return None;
    }
    // "the road to Bahariya Oasis", "the province of Fayyoum"
    if lex.place_nouns.contains_at(toks, end - 1)
        && toks.is_any(end, &["to", "of"])
        && let Some((_, after)) = reference_place(toks, end + 1, lex)
    {
        end = after;
        while end < to && lex.place_nouns.contains_at(toks, end) {
            end += 1;
        }
    }
    Some((toks.slice(start, end).to_string(), start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Relative = (Option<f64>, Option<String>, Option<String>, Hedge);

    fn rel(text: &str) -> Vec<Relative> {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        relative(&toks, 0, toks.len(), &Lexicon::defaults())
            .into_iter()
            .map(|l| (l.distance.map(|d| d.km), l.direction, l.from, l.hedge))
            .collect()
    }

    fn place(text: &str) -> Vec<String> {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        places(&toks, 0, toks.len(), &Lexicon::defaults())
            .into_iter()
            .filter_map(|l| l.place)
            .collect()
    }

    #[test]
    fn distances_and_directions() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            rel("a raid about 80 miles from the Egyptian capital"),
            [(Some(128.7), None, s("Cairo"), Hedge::About)]
        );
        assert_eq!(
            rel("some 300 kilometres (186 miles) south west of Cairo."),
            [(Some(300.0), s("southwest"), s("Cairo"), Hedge::About)]
        );
        assert_eq!(
            rel("ambushed on a road, about 200km southeast of Cairo"),
            [(Some(200.0), s("southeast"), s("Cairo"), Hedge::About)]
        );
        assert_eq!(
            rel("located less than 200 kilometers from Cairo."),
            [(Some(200.0), None, s("Cairo"), Hedge::AtMost)]
        );
        assert_eq!(
            rel("in the western desert, southwest of Cairo, one"),
            [(None, s("southwest"), s("Cairo"), Hedge::Exact)]
        );
        assert_eq!(
            rel("in the Baharia Oasis, south of the capital."),
            [(None, s("south"), s("the capital"), Hedge::Exact)]
        );
        assert!(rel("attacks in the north of the Sinai Peninsula").is_empty());
        assert!(rel("for three months").is_empty());
    }

    #[test]
    fn places_after_prepositions() {
        assert_eq!(
            place("killed in the Bahariya oasis October 20"),
            ["Bahariya oasis"]
        );
        assert_eq!(
            place("attacked late Friday on the road to Bahariya Oasis, less than"),
            ["road to Bahariya Oasis"]
        );
        assert_eq!(
            place("killed in the country’s western desert Friday"),
            ["country’s western desert"]
        );
        assert_eq!(
            place("an attack in northern Sinai, according to"),
            ["northern Sinai"]
        );
        assert!(place("killed in clashes on Friday in September").is_empty());
        assert_eq!(
            place("shot at a friend's house in north St. Louis."),
            ["north St. Louis"]
        );
        assert_eq!(place("a house in southwest Houston"), ["southwest Houston"]);
        assert_eq!(
            place("Teen Killed, Another Wounded in St. Paul Shooting"),
            ["St. Paul"]
        );
        assert_eq!(place("Two Dead in Kabul Ambush"), ["Kabul"]);
    }
}
