//! The common words of English ("tree", "natural", "rouge"): the single words WordNet 3.0
//! writes in lower case, as `tools/wordnet_common.py` lists them in `assets/common-words.txt`.
//! A capitalised word that is not one is, in news, almost always a proper name ("Lofton",
//! "Wallkill", "Ninepipes"), which tells one incident from another far better than a common
//! word capitalised in a street's or an office's name.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// The shipped list: one word a line; `#` starts a comment line.
const COMMON_WORDS: &str = include_str!("../../assets/common-words.txt");

/// The words of a shipped list: one a line, `#` starting a comment line.
pub(crate) fn word_list(text: &'static str) -> FxHashSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

fn words() -> &'static FxHashSet<&'static str> {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| word_list(COMMON_WORDS))
}

/// True when `word` (lower case) ends as an adjective of creed or people does ("islamist",
/// "islamic", "egyptian", "sudanese", "british"): capitalised, such a word names neither a
/// place nor an actor.
pub fn adjective_ending(word: &str) -> bool {
    ["ist", "ic", "ian", "ish", "ese"]
        .iter()
        .any(|x| word.ends_with(x))
}

/// True when `word` (lower case) is a common English word or a regular plural or third
/// person of one ("resources", "cities", "boxes").
pub fn is_common(word: &str) -> bool {
    let w = words();
    w.contains(word)
        || word
            .strip_suffix("ies")
            .is_some_and(|stem| w.contains(format!("{stem}y").as_str()))
        || word.strip_suffix("es").is_some_and(|stem| w.contains(stem))
        || word.strip_suffix('s').is_some_and(|stem| w.contains(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_and_their_plurals_but_no_names() {
        for w in [
            "tree",
            "natural",
            "resources",
            "cities",
            "boxes",
            "children",
            "rouge",
        ] {
            assert!(is_common(w), "{w}");
        }
        for w in [
            "lofton",
            "wallkill",
            "ninepipes",
            "phillips",
            "chicago",
            "ilanye",
        ] {
            assert!(!is_common(w), "{w}");
        }
    }
}
