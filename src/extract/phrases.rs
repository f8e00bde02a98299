//! Phrases of one category indexed by first word, so that matching a phrase at a token costs
//! a hash lookup (and a mask test rules most tokens out first), not a scan of the lexicon.

use rustc_hash::FxHashMap;

use super::tokens::Tokens;

/// Phrases of one category, indexed by first word. Values are looked up longest-first.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    by_first: FxHashMap<String, Vec<(Vec<String>, V)>>,
    /// This category's bit in the per-token masks.
    pub(super) bit: u32,
}

/// Phrases as their words, grouped by first word, each group in the order given.
pub(super) fn by_first_word<V>(
    entries: impl IntoIterator<Item = (String, V)>,
) -> FxHashMap<String, Vec<(Vec<String>, V)>> {
    let mut by_first: FxHashMap<String, Vec<(Vec<String>, V)>> = FxHashMap::default();
    for (phrase, value) in entries {
        let words = phrase_words(&phrase);
        if let Some(first) = words.first() {
            by_first
                .entry(first.clone())
                .or_default()
                .push((words, value));
        }
    }
    by_first
}

impl<V: Clone> PhraseSet<V> {
    pub(super) fn new(entries: impl IntoIterator<Item = (String, V)>, bit: u32) -> Self {
        let mut by_first = by_first_word(entries);
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        PhraseSet { by_first, bit }
    }

    /// The longest phrase starting at word token `i`: its value and the token after it.
    #[inline]
    pub fn at(&self, toks: &Tokens, i: usize) -> Option<(V, usize)> {
        self.at_ref(toks, i)
            .map(|(value, end)| (value.clone(), end))
    }

    /// [`PhraseSet::at`] without a copy of the value, for values that are costly to copy.
    #[inline]
    pub fn at_ref(&self, toks: &Tokens, i: usize) -> Option<(&V, usize)> {
        // Asked at most tokens of a text, and the mask turns most away: that test is inlined
        // at the caller, the lookup is not.
        if !toks.may_start(i, self.bit) {
            return None;
        }
        self.listed_ref(toks, i)
    }

    #[inline(never)]
    fn listed_ref(&self, toks: &Tokens, i: usize) -> Option<(&V, usize)> {
        let candidates = self.by_first.get(toks.lower(i)?)?;
        candidates
            .iter()
            .find_map(|(words, value)| toks.matches(i, words).map(|end| (value, end)))
    }

    /// True when the per-token masks allow a phrase of this set to start at `i` (cheap; no
    /// lookup).
    pub fn may_start_at(&self, toks: &Tokens, i: usize) -> bool {
        i < toks.len() && toks.may_start(i, self.bit)
    }

    /// True when `word` is a phrase of one word of the set.
    pub fn has_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|g| g.iter().any(|(words, _)| words.len() == 1))
    }

    /// True when some phrase starts at `i`.
    pub fn contains_at(&self, toks: &Tokens, i: usize) -> bool {
        self.at_ref(toks, i).is_some()
    }
}

impl<V> PhraseSet<V> {
    pub(super) fn first_words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.by_first.keys().map(|k| (k.as_str(), self.bit))
    }
}

/// Lowercase words of a phrase as the tokenizer would split it.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let lower = phrase.to_ascii_lowercase();
    let toks = Tokens::new(&lower, &lower);
    (0..toks.len())
        .map(|i| toks.lower(i).unwrap_or_default().to_string())
        .collect()
}
