//! What a text says of its places, read from its words: the states and counties it names,
//! "Town, State" pairs, names it uses as towns ("Topeka police", "a Uniontown man"), names
//! that are people's, and how often a name comes back.

use crate::extract::gazetteer::{Gazetteer, Reading};

/// The states a text names: in its "Town, State" `pairs` and among its `names` on their own
/// ("a 12-year-old Iowa girl").
pub(super) fn states_named(
    g: &Gazetteer,
    pairs: &[(String, Option<u32>)],
    names: &[String],
) -> Vec<u32> {
    let mut states: Vec<u32> = pairs.iter().filter_map(|(_, s)| *s).collect();
    states.extend(names.iter().filter_map(|t| {
        g.lookup(t).iter().find_map(|r| match r {
            Reading::State(s) if g.states[*s as usize].country == "US" => Some(*s),
            _ => None,
        })
    }));
    states
}

/// The counties a text names: one to three capitalised words before "County" or "Parish".
pub(super) fn counties_named(g: &Gazetteer, text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for word in ["County", "Parish"] {
        for (at, _) in text.match_indices(word) {
            let before: Vec<&str> = text[..at].split_whitespace().rev().take(3).collect();
            for n in 1..=before.len() {
                let words = &before[..n];
                if !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
                    break;
                }
                let name: Vec<&str> = words.iter().rev().copied().collect();
                let name = format!("{} {word}", name.join(" "));
                for r in g.lookup(&name) {
                    if let Reading::County(c) = r
                        && !out.contains(c)
                    {
                        out.push(*c);
                    }
                }
            }
        }
    }
    out
}

/// True when `hay` (lower case) gives `name` an age ("hayden, 17,"), a title ("mr. brady")
/// or has it speak ("brady said").
pub(super) fn reads_as_person(hay: &str, name: &str) -> bool {
    let needle = name.trim().to_lowercase();
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(&needle).any(|(at, _)| {
        let after = &hay[at + needle.len()..];
        let before = hay[..at].trim_end();
        let aged = after
            .strip_prefix(", ")
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
        let speaks = [" said", " says", " told"]
            .iter()
            .any(|w| after.starts_with(w))
            || before.ends_with(" mr.")
            || before.ends_with(" ms.")
            || before.ends_with(" mrs.");
        aged || speaks
    })
}

/// How often `name` appears in `hay` (lower case) as a word, ignoring case. "Tama County"
/// names the county, not its town Tama: a name that is no county's is not counted there.
pub(super) fn mentions(hay: &str, name: &str) -> usize {
    let name = name.trim();
    if name.is_empty() {
        return 0;
    }
    let needle = name.to_lowercase();
    let county_itself = is_county_name(&needle);
    as_words(hay, &needle)
        .filter(|at| county_itself || !names_a_county(&hay[at + needle.len()..]))
        .count()
}

/// Where `needle` appears in `hay` as whole words: not inside a longer word.
pub(super) fn as_words<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(needle)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = hay[..at].chars().next_back();
            let after = hay[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// True when `name` is a first name and the text writes it only before another capitalised
/// word ("Christopher Cadenbach"): a person's name, not Christopher, Illinois.
pub(super) fn before_a_surname(body: &str, name: &str) -> bool {
    let name = name.trim();
    if !crate::extract::names::is_first_name(&name.to_lowercase()) {
        return false;
    }
    let mut uses = as_words(body, name).peekable();
    uses.peek().is_some()
        && uses.all(|at| {
            body[at + name.len()..]
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// True when `name` appears in `hay` (lower case) only as the name of a county or parish
/// ("Tama County"): then the text never names the town of that name.
pub(super) fn only_a_county(hay: &str, name: &str) -> bool {
    let needle = name.trim().to_lowercase();
    !needle.is_empty()
        && !is_county_name(&needle)
        && hay.contains(&needle)
        && mentions(hay, name) == 0
}

/// True when `name` (lower case) is itself a county's or parish's name ("tama county").
fn is_county_name(name: &str) -> bool {
    ["county", "parish"].iter().any(|w| name.ends_with(w))
}

/// True when `rest`, the text after a name, makes it a county's or parish's name.
fn names_a_county(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    ["county", "parish", "co."]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Words a town's name stands before when it says where people and things are from: "Topeka
/// police", "a Uniontown man", "a Miami Gardens home", "Little Rock Police Department".
const OF_A_TOWN: [&str; 30] = [
    "police",
    "officers",
    "officer",
    "sheriff",
    "sheriff's",
    "firefighters",
    "fire",
    "mayor",
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "teen",
    "teenager",
    "toddler",
    "child",
    "mother",
    "father",
    "family",
    "resident",
    "residents",
    "home",
    "house",
    "apartment",
    "neighborhood",
    "school",
    "student",
    "students",
];

/// The words after which a name is where something happened: "Police in Brooklyn".
const BEFORE_A_TOWN: [&str; 5] = ["in", "near", "outside", "of", "from"];

/// Words that end a town's name in the name of a place within it ("Yuma High School",
/// "Franklin Township"): only before them is a beginning of a name a town of its own. Not
/// "park": "Portage Park" and "Humboldt Park" are parts of Chicago, named for no town.
const WITHIN_A_TOWN: [&str; 11] = [
    "high",
    "middle",
    "elementary",
    "school",
    "university",
    "college",
    "hospital",
    "medical",
    "center",
    "township",
    "county",
];

/// True for "north", "south-west", "northeast" (lower case).
fn is_compass(word: &str) -> bool {
    word.split('-').all(|p| {
        matches!(
            p,
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
        )
    })
}

/// True for "north", "south-west", "northeast", "miles", "kilometers", "km": words that
/// measure from a place ("south-west of Cairo" is not in Cairo).
fn is_direction_or_distance(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    is_compass(word) || matches!(word, "miles" | "mile" | "kilometers" | "kilometres" | "km")
}

/// The town a part of it is named for: "West Baltimore", "North Toledo", "Southwest Detroit"
/// are parts of Baltimore, Toledo and Detroit. The caller asks this only of names no town
/// bears ("West Palm Beach" and "North Carolina" are names of their own).
pub(super) fn town_of_its_part(name: &str) -> Option<&str> {
    let (first, rest) = name.split_once(' ')?;
    is_compass(&first.to_lowercase()).then_some(rest.trim())
}

/// Names the text uses as towns, by grammar: capitalised words (up to three) before a word
/// of `OF_A_TOWN`, or after "in", "near"…; each with its shorter beginnings ("Yuma High
/// School student" gives "Yuma High School", "Yuma High", "Yuma").
pub(super) fn towns_by_use(text: &str) -> Vec<String> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<&str> = raw
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .collect();
    // A name does not run on past a comma or a colon ("on Sunday, Cincinnati police").
    let closes = |k: usize| raw[k].ends_with([',', ';', ':']);
    let lower = |w: &str| w.to_lowercase();
    // An article opening a sentence ("A man") starts no name.
    let capital = |w: &str| {
        w.starts_with(char::is_uppercase)
            && !OF_A_TOWN.iter().any(|t| w.eq_ignore_ascii_case(t))
            && !matches!(w, "A" | "An" | "The")
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capital(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && capital(words[i]) && i - start < 3 {
            i += 1;
            if closes(i - 1) {
                break;
            }
        }
        let after = words.get(i).map(|w| lower(w)).unwrap_or_default();
        let before = start
            .checked_sub(1)
            .map(|b| words[b])
            .filter(|w| !w.starts_with(char::is_uppercase))
            .map(lower)
            .unwrap_or_default();
        // "south-west of Cairo", "20 miles from Dayton": measured from a town, not in it.
        let measured = start
            .checked_sub(2)
            .map(|b| lower(words[b]))
            .is_some_and(|w| is_direction_or_distance(&w));
        // "a Miami 6-year-old" is from Miami as "a Miami boy" is.
        let aged = after
            .strip_suffix("-year-old")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let used = OF_A_TOWN.contains(&after.as_str())
            || aged
            || (BEFORE_A_TOWN.contains(&before.as_str()) && !measured);
        if used {
            for end in (start + 1..=i).rev() {
                let whole = end == i;
                if !whole && !WITHIN_A_TOWN.contains(&lower(words[end]).as_str()) {
                    continue;
                }
                let name = words[start..end].join(" ");
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// "Dayton, Ohio", "Gary, Ind.", "BAYTOWN, Texas": one to three capitalised words, a comma,
/// and a state's name or abbreviation.
pub(super) fn town_and_state(g: &Gazetteer, text: &str) -> Vec<(String, Option<u32>)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(", ") {
        // A state's name is capitalised: most commas are followed by no name at all.
        if !text[at + 2..].trim_start().starts_with(char::is_uppercase) {
            continue;
        }
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
        let before: Vec<&str> = text[..at].split_whitespace().rev().take(3).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_by_age_and_parts_of_towns() {
        let towns = towns_by_use("Police: Feud put Miami 6-year-old in crossfire. A man was shot.");
        assert_eq!(towns, ["Miami"]);
        assert_eq!(town_of_its_part("West Baltimore"), Some("Baltimore"));
        assert_eq!(town_of_its_part("North-east Toledo"), Some("Toledo"));
        assert_eq!(town_of_its_part("Westfield"), None);
        assert_eq!(town_of_its_part("Charles Village"), None);
    }

    #[test]
    fn a_town_by_use_does_not_run_on_past_a_comma() {
        let towns = towns_by_use("The man was shot on Sunday, Cincinnati police said.");
        assert!(towns.contains(&"Cincinnati".to_string()), "{towns:?}");
        assert!(!towns.iter().any(|t| t.contains("Sunday")), "{towns:?}");
        assert_eq!(
            towns_by_use("He was shot in Dayton, Ohio, on Sunday."),
            ["Dayton"]
        );
    }
}
