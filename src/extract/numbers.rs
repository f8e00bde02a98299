//! Quantities in text: digits, number words ("six", "two dozen", "twenty-one"), ranges
//! ("between 10 and 15", "two or three"), vague quantities ("several", "dozens") and the hedges
//! before them ("at least", "more than"), as intervals.
//!
//! Number words are English grammar, so they live here; hedges and vague quantities are
//! vocabulary, so they come from the lexicon.

use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens};
use crate::model::Hedge;

/// A quantity found at some tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// First token (the hedge, if any).
    pub start: usize,
    /// Token after the quantity.
    pub end: usize,
    /// Lowest value.
    pub low: u64,
    /// Highest value, when bounded.
    pub high: Option<u64>,
    /// How it is hedged.
    pub hedge: Hedge,
    /// A range the text writes high to low ("between 55 and 16"): read in order, and
    /// flagged, as it may be a misprint.
    pub reversed: bool,
}

impl Quantity {
    /// The quantity with `n` more ("her two children" and the mother: three).
    pub fn plus(&self, n: u64) -> Quantity {
        Quantity {
            low: self.low + n,
            high: self.high.map(|h| h + n),
            ..*self
        }
    }
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The mask bit of a word that may start a number ("six", "a dozen", "four-year-old"): set once per token by
/// [`Lexicon::masks`], so that the many calls to [`number_at`] on other words return at once.
pub const NUMBER_WORD: u32 = 1 << 19;

/// Every word a number may start with: "a" and "an" ("a dozen"), and the number words below
/// 100 ("six", "forty", "twenty-one"). The lexicon marks them in its per-token masks.
pub fn number_words() -> impl Iterator<Item = String> {
    let compounds = TENS
        .iter()
        .flat_map(|t| UNITS[1..10].iter().map(move |u| format!("{t}-{u}")));
    ["a", "an"]
        .iter()
        .chain(UNITS.iter())
        .chain(TENS.iter())
        .map(|w| (*w).to_string())
        .chain(compounds)
}

/// True when `word` (lowercase, not a number word itself) may be an age in words
/// ("four-year-old", "two-day-old": never shorter than eleven bytes).
pub fn may_be_worded_age(word: &str) -> bool {
    word.len() >= 11
        && word
            .split_once('-')
            .is_some_and(|(n, _)| small_word(n).is_some())
}

/// Value of one number word below 100 ("six", "forty", "twenty-one").
pub fn small_word(word: &str) -> Option<u64> {
    // Most words are not numbers: rule them out by their first letter before comparing.
    if !matches!(
        word.as_bytes().first(),
        Some(b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
    ) {
        return None;
    }
    if let Some(u) = UNITS.iter().position(|w| *w == word) {
        return Some(u as u64);
    }
    if let Some(t) = TENS.iter().position(|w| *w == word) {
        return Some(20 + 10 * t as u64);
    }
    let (tens, unit) = word.split_once('-')?;
    let t = TENS.iter().position(|w| *w == tens)?;
    let u = UNITS[1..10].iter().position(|w| *w == unit)?;
    Some(20 + 10 * t as u64 + 1 + u as u64)
}

/// A plain number at token `i`: digits or number words. Returns the value, a range end when
/// the digits are a range ("10-15"), and the token after it.
#[inline]
pub fn number_at(toks: &Tokens, i: usize) -> Option<(u64, Option<u64>, usize)> {
    // Asked at most tokens of a text: the kind and the mask turn most away before a call.
    match toks.kind(i)? {
        Kind::Number => number_from_digits(toks, i),
        Kind::Word if toks.may_start(i, NUMBER_WORD) => number_from_words(toks, i),
        _ => None,
    }
}

/// [`number_at`] on a token of digits.
#[inline(never)]
fn number_from_digits(toks: &Tokens, i: usize) -> Option<(u64, Option<u64>, usize)> {
    let text = toks.text(i);
    // Decimals and dotted ids ("1.2114013-2760217987") never count people.
    if text.contains('.') {
        return None;
    }
    // Ordinals: "75th", "2nd". Scientific notation ("1e999"): no number a report counts.
    if toks.touches_previous(i + 1)
        && (toks.is_any(i + 1, &["th", "st", "nd", "rd"])
            || toks.lower(i + 1).is_some_and(|w| {
                w.len() > 1 && w.starts_with('e') && w[1..].bytes().all(|b| b.is_ascii_digit())
            }))
    {
        return None;
    }
    // Digits of other scripts ("٣٥", "３５") read as their values.
    let text: std::borrow::Cow<str> = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| {
                    crate::extract::tokens::decimal_digit(c)
                        .and_then(|d| char::from_digit(d, 10))
                        .unwrap_or(c)
                })
                .collect(),
        )
    };
    // Most numbers have no thousands separator: parse them without a copy. More than a
    // billion is no count of people: a misprint, an id or a sum.
    let digits = |s: &str| {
        if s.contains(',') {
            s.replace(',', "").parse::<u64>().ok()
        } else {
            s.parse::<u64>().ok()
        }
        .filter(|n| *n <= MAX_COUNT)
    };
    match text.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (digits(a)?, digits(b)?);
            (a < b && !b.to_string().contains('-')).then_some((a, Some(b), i + 1))
        }
        None => Some((digits(&text)?, None, i + 1)),
    }
}

/// The largest number read as a count.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// [`number_at`] on a word that may start a number.
#[inline(never)]
fn number_from_words(toks: &Tokens, i: usize) -> Option<(u64, Option<u64>, usize)> {
    let word = toks.lower(i)?;
    let (mut value, mut j) = if word == "a" || word == "an" {
        match toks.lower(i + 1)? {
            "dozen" => (12, i + 2),
            "hundred" => (100, i + 2),
            "thousand" => (1000, i + 2),
            _ => return None,
        }
    } else {
        (small_word(word)?, i + 1)
    };
    if toks.is(j, "dozen") {
        value *= 12;
        j += 1;
    }
    if toks.is(j, "hundred") {
        value *= 100;
        j += 1;
        let k = if toks.is(j, "and") { j + 1 } else { j };
        if let Some(rest) = toks.lower(k).and_then(small_word) {
            value += rest;
            j = k + 1;
        }
    }
    if toks.is(j, "thousand") {
        value *= 1000;
        j += 1;
    }
    Some((value, None, j))
}

/// A number at token `i` that may count people: not one with a unit or a time glued to it
/// ("200km", "10am"), which [`number_at`] reads for distances.
fn count_at(toks: &Tokens, i: usize) -> Option<(u64, Option<u64>, usize)> {
    let found = number_at(toks, i)?;
    let glued = toks.kind(i) == Some(Kind::Number)
        && toks.touches_previous(i + 1)
        && toks.kind(i + 1) == Some(Kind::Word);
    (!glued).then_some(found)
}

/// A quantity starting at token `i`, with its hedge.
pub fn quantity_at(toks: &Tokens, i: usize, lex: &Lexicon) -> Option<Quantity> {
    if toks.is(i, "between")
        && let Some((first, None, j)) = count_at(toks, i + 1)
        && toks.is(j, "and")
        && let Some((second, None, end)) = count_at(toks, j + 1)
    {
        return Some(Quantity {
            start: i,
            end,
            low: first.min(second),
            high: Some(first.max(second)),
            hedge: Hedge::Range,
            reversed: first > second,
        });
    }
    if let Some((entry, j)) = lex.hedges.at(toks, i)
        && let Some((n, range_end, end)) = count_at(toks, j)
    {
        let shifted = n.saturating_add_signed(entry.shift);
        let (low, high) = match (entry.hedge, range_end) {
            (_, Some(high)) => (n, Some(high)),
            (Hedge::AtLeast, None) => (shifted, None),
            (Hedge::AtMost, None) => (0, Some(shifted)),
            (_, None) => (n, Some(n)),
        };
        let hedge = if range_end.is_some() {
            Hedge::Range
        } else {
            entry.hedge
        };
        return Some(Quantity {
            start: i,
            end,
            low,
            high,
            hedge,
            reversed: false,
        });
    }
    if let Some((n, range_end, end)) = count_at(toks, i) {
        if super::timex::day_of_month(toks, i) {
            return None;
        }
        // "two or three", "10 to 15".
        if range_end.is_none()
            && toks.is_any(end, &["or", "to"])
            && let Some((m, None, end2)) = count_at(toks, end + 1)
            && m > n
        {
            return Some(Quantity {
                start: i,
                end: end2,
                low: n,
                high: Some(m),
                hedge: Hedge::Range,
                reversed: false,
            });
        }
        let hedge = if range_end.is_some() {
            Hedge::Range
        } else {
            Hedge::Exact
        };
        return Some(Quantity {
            start: i,
            end,
            low: n,
            high: Some(range_end.unwrap_or(n)),
            hedge,
            reversed: false,
        });
    }
    if toks.is_any(i, &["no", "nobody", "none"]) {
        // "no one was hurt" counts nobody, not one.
        let end = if toks.is(i, "no") && toks.is(i + 1, "one") {
            i + 2
        } else {
            i + 1
        };
        return Some(Quantity {
            start: i,
            end,
            low: 0,
            high: Some(0),
            hedge: Hedge::Negated,
            reversed: false,
        });
    }
    let (entry, end) = lex.vague.at(toks, i)?;
    Some(Quantity {
        start: i,
        end,
        low: entry.low,
        high: entry.high,
        hedge: Hedge::Vague,
        reversed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(u64, Option<u64>, Hedge, String)> {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        let lex = Lexicon::defaults();
        quantity_at(&toks, 0, &lex).map(|q| {
            (
                q.low,
                q.high,
                q.hedge,
                toks.slice(q.start, q.end).to_string(),
            )
        })
    }

    #[test]
    fn digits_words_and_hedges() {
        assert_eq!(
            q("35 policemen"),
            Some((35, Some(35), Hedge::Exact, "35".into()))
        );
        assert_eq!(
            q("At least 35 policemen"),
            Some((35, None, Hedge::AtLeast, "At least 35".into()))
        );
        assert_eq!(
            q("over 100 Copts"),
            Some((100, None, Hedge::AtLeast, "over 100".into()))
        );
        assert_eq!(
            q("less than 200 km"),
            Some((0, Some(199), Hedge::AtMost, "less than 200".into()))
        );
        assert_eq!(
            q("some 300 kilometres"),
            Some((300, Some(300), Hedge::About, "some 300".into()))
        );
        assert_eq!(
            q("six soldiers"),
            Some((6, Some(6), Hedge::Exact, "six".into()))
        );
        assert_eq!(
            q("two dozen militants"),
            Some((24, Some(24), Hedge::Exact, "two dozen".into()))
        );
        assert_eq!(
            q("twenty-one dead"),
            Some((21, Some(21), Hedge::Exact, "twenty-one".into()))
        );
        assert_eq!(
            q("1,200 people"),
            Some((1200, Some(1200), Hedge::Exact, "1,200".into()))
        );
        assert_eq!(
            q("two hundred and five"),
            Some((205, Some(205), Hedge::Exact, "two hundred and five".into()))
        );
    }

    #[test]
    fn ranges_and_vague_quantities() {
        assert_eq!(
            q("between 10 and 15 dead"),
            Some((10, Some(15), Hedge::Range, "between 10 and 15".into()))
        );
        assert_eq!(
            q("two or three"),
            Some((2, Some(3), Hedge::Range, "two or three".into()))
        );
        assert_eq!(
            q("10-15 people"),
            Some((10, Some(15), Hedge::Range, "10-15".into()))
        );
        assert_eq!(
            q("Several terrorists"),
            Some((3, Some(9), Hedge::Vague, "Several".into()))
        );
        assert_eq!(
            q("dozens of police"),
            Some((24, Some(99), Hedge::Vague, "dozens".into()))
        );
        assert_eq!(q("some of the attackers").map(|x| x.2), Some(Hedge::Vague));
        assert_eq!(q("no policemen").map(|x| x.2), Some(Hedge::Negated));
    }

    #[test]
    fn things_that_are_not_counts() {
        assert_eq!(q("75th anniversary"), None);
        assert_eq!(q("1.2114013-2760217987"), None);
        assert_eq!(q("the attack"), None);
    }
}
