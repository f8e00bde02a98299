//! English nouns whose usual sense is a person ("farmer", "cyclist", "hostage"), with their
//! plural and group: WordNet 3.0's noun.person as `tools/wordnet_people.py` filters it into
//! `assets/person-nouns.txt`. They widen the lexicon's group nouns; the lexicon's own win.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rustc_hash::FxHashSet;

/// The shipped list: lines of singular, plural and group; `#` starts a comment line.
const PERSON_NOUNS: &str = include_str!("../../assets/person-nouns.txt");

/// The person nouns as (noun, group) pairs, singular and plural.
fn person_nouns() -> impl Iterator<Item = (String, String)> {
    PERSON_NOUNS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split(' ');
            Some((f.next()?, f.next()?, f.next()?))
        })
        .flat_map(|(one, many, group)| [(one, group), (many, group)])
        .map(|(noun, group)| (noun.to_string(), group.to_string()))
}

/// Adds the person nouns `groups` lacks, and returns them: the nouns known only from the
/// list, which the lexicon never takes as a title before a name.
pub fn add_to(groups: &mut HashMap<String, String>) -> FxHashSet<String> {
    let mut added = FxHashSet::default();
    for (noun, group) in person_nouns() {
        if let Entry::Vacant(e) = groups.entry(noun) {
            added.insert(e.key().clone());
            e.insert(group);
        }
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_a_plural_and_a_known_group() {
        let groups = [
            "people",
            "security_forces",
            "soldiers",
            "suspects",
            "militants",
        ];
        let lines: Vec<&str> = PERSON_NOUNS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(lines.len() > 4000, "{} nouns", lines.len());
        for line in lines {
            let f: Vec<&str> = line.split(' ').collect();
            assert_eq!(f.len(), 3, "{line}");
            assert!(groups.contains(&f[2]), "{line}");
        }
    }
}
