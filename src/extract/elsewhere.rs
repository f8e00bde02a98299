//! A sentence set in another state than the report's incident: "Obama is to visit Roseburg,
//! Oregon, where eight students and a teacher were shot and killed" in a report of a shooting
//! in Arizona tells another event, as a sentence dated outside the incident does.
//!
//! Only what the gazetteer settles counts: the incident's state (or first-level division)
//! from its place, and in the sentence a town followed by its state ("Roseburg, Oregon",
//! "Gary, Ind.") or a state after "in" ("in Oregon"). Where people come from is not where
//! it happened: "a Dayton, Ohio, man" and "from Dayton, Ohio" are passed over.

use super::gazetteer::gazetteer;
use super::timex::is_calendar_word;
use super::tokens::Tokens;

/// The state (first-level division) of an incident's place ("Louisville, Kentucky";
/// "Al Bawiti, Al Jizah, Egypt"), when the gazetteer knows it.
pub fn home_state(place: &str) -> Option<u32> {
    let parts: Vec<&str> = place.split(',').map(str::trim).collect();
    // The town itself may share a state's name ("New York, New York"): the state comes
    // after it.
    parts
        .iter()
        .skip(1)
        .rev()
        .find_map(|p| gazetteer().state(p))
}

/// Words before a town that say where someone is from, not where something happened.
const ORIGIN: [&str; 5] = ["a", "an", "of", "from", "the"];

/// The states (first-level divisions) tokens `from..to` name, in text order: where the
/// sentence is set, if anywhere else than its report's incident.
pub fn states_named(toks: &Tokens, from: usize, to: usize) -> Vec<u32> {
    (from..to).filter_map(|k| state_at(toks, k, to)).collect()
}

/// True when one of `states` is another state than `home`. States are compared by name:
/// "Florida" is also a department of Uruguay, and "Fla." is the US one.
pub fn other_state(states: &[u32], home: u32) -> bool {
    let all = &gazetteer().states;
    let name = |s: u32| all[s as usize].name;
    // A division of another country read in the text is a word that names one ("West" is
    // a region of Cameroon): only the home country's divisions count.
    let country = |s: u32| all[s as usize].country;
    states
        .iter()
        .any(|&s| name(s) != name(home) && country(s) == country(home))
}

/// The state named at token `k`: "Town, State" (the town starting at `k`) or "in State".
fn state_at(toks: &Tokens, k: usize, to: usize) -> Option<u32> {
    // Most words are neither capitalised nor followed by one: leave before any lookup.
    if !toks.is_capitalized(k) {
        if toks.is_capitalized(k + 1) && toks.is_any(k, &["in", "at", "near"]) {
            let (state, _) = state_name(toks, k + 1, to)?;
            return Some(state);
        }
        return None;
    }
    // A town's first word: not inside a run of names, not after "a" or "from".
    if k > 0 && (toks.is_capitalized(k - 1) || toks.is_any(k - 1, &ORIGIN)) {
        return None;
    }
    let mut j = k;
    while j < to && j < k + 3 && toks.is_capitalized(j) {
        j += 1;
    }
    if !toks.is_punct(j, ',') {
        return None;
    }
    let (state, end) = state_name(toks, j + 1, to)?;
    // "a Dayton, Ohio, man": the place describes the person after it.
    let describes = toks.is_punct(end, ',')
        && toks
            .lower(end + 1)
            .is_some_and(|w| matches!(w, "man" | "woman" | "boy" | "girl" | "teen" | "resident"));
    (!describes).then_some(state)
}

/// A state's name or abbreviation of one or two capitalised words at `k` ("Oregon", "New
/// Mexico", "Ind."), and the token after it.
fn state_name(toks: &Tokens, k: usize, to: usize) -> Option<(u32, usize)> {
    let g = gazetteer();
    for n in [2, 1] {
        if k + n > to || !(k..k + n).all(|j| toks.is_capitalized(j)) {
            continue;
        }
        // "West Philadelphia": a word that goes on into a longer name is not a state.
        if n == 1 && toks.is_capitalized(k + 1) && !toks.lower(k + 1).is_some_and(is_calendar_word)
        {
            continue;
        }
        let words: Vec<&str> = (k..k + n).map(|j| toks.text(j)).collect();
        let name = words.join(" ");
        let dotted = toks.is_punct(k + n, '.');
        let found = if dotted {
            g.state(&format!("{name}."))
        } else {
            None
        }
        .or_else(|| g.state(&name));
        if let Some(s) = found {
            return Some((s, k + n + usize::from(dotted)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn other(text: &str, home: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        let home = home_state(home).expect("a known state");
        other_state(&states_named(&toks, 0, toks.len()), home)
    }

    #[test]
    fn another_state_is_another_event_but_a_hometown_is_not() {
        let az = "Flagstaff, Arizona";
        assert!(other(
            "Obama will visit Roseburg, Oregon, where eight students were shot and killed.",
            az
        ));
        assert!(other("Two people were killed in Oregon last week.", az));
        assert!(other("A man was shot in Gary, Ind., on Sunday.", az));
        assert!(!other("A student was killed in Flagstaff, Arizona.", az));
        assert!(!other("A Dayton, Ohio, man was killed.", az));
        assert!(!other(
            "A 53-year-old Palm Beach County, Fla. woman was killed.",
            "Greenacres, Florida"
        ));
        assert!(!other("The victim, from Dayton, Ohio, died.", az));
        assert!(!other("One person was killed at the university.", az));
        // "West" begins a longer name here, and is a region of Cameroon, not of the US.
        let philly = "Philadelphia, Philadelphia County, Pennsylvania";
        assert!(!other("Woman shot, killed in West Philadelphia", philly));
        assert!(other("A man was killed in Ohio Sunday.", philly));
    }

    #[test]
    fn the_incident_state_is_read_after_its_town() {
        let g = gazetteer();
        assert_eq!(home_state("New York, New York"), g.state("New York"));
        assert_eq!(home_state("Louisville, Kentucky"), g.state("Kentucky"));
        assert_eq!(
            home_state("Louisville, Jefferson County, Kentucky"),
            g.state("Kentucky")
        );
        assert_eq!(home_state("somewhere"), None);
    }
}
