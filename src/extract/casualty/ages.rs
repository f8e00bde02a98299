//! Ages as news writes them: "24-year-old", "24 years old", "2-month-old" (age 0), "Four
//! Year Old", "15yo", and "Gomez, 31,": read as ages, never as counts of people.

use super::super::numbers::small_word;
use super::super::tokens::{Kind, Tokens};

/// An age at token `j`: "24-year-old", "24 year old", "2-month-old" (age 0). Returns the age
/// and the token after it.
pub fn age_at(toks: &Tokens, j: usize) -> Option<(u32, usize)> {
    if toks.kind(j) == Some(Kind::Word) {
        return worded_age(toks, j);
    }
    if toks.kind(j) != Some(Kind::Number) {
        return None;
    }
    let n: u32 = toks.text(j).parse().ok().filter(|n| *n < 130)?;
    // Headline shorthand: "15yo boy", "16-yo girl".
    let short = |k: usize| toks.is_any(k, &["yo", "y/o"]) && toks.touches_previous(k);
    if short(j + 1) {
        return Some((n, j + 2));
    }
    if toks.is_punct(j + 1, '-') && short(j + 2) {
        return Some((n, j + 3));
    }
    let mut k = j + 1;
    if toks.is_punct(k, '-') {
        k += 1;
    }
    let word = toks.lower(k)?;
    let unit = word.split('-').next().unwrap_or(word);
    let months = matches!(unit, "month" | "months" | "week" | "weeks" | "day" | "days");
    if !(matches!(unit, "year" | "years") || months) {
        return None;
    }
    // "24-year-old", or "24 year old" / "24 years old".
    let end = if word.ends_with("-old") {
        k + 1
    } else if toks.is_punct(k + 1, '-') && toks.is(k + 2, "old") {
        k + 3
    } else if toks.is(k + 1, "old") {
        k + 2
    } else {
        return None;
    };
    Some((if months { 0 } else { n }, end))
}

/// An age in words: "four-year-old", "Four Year Old", "two years old", "ten-month-old".
fn worded_age(toks: &Tokens, j: usize) -> Option<(u32, usize)> {
    // Most words start no number: the token's mask says so without reading it.
    if !toks.may_start(j, super::super::numbers::NUMBER_WORD) {
        return None;
    }
    let word = toks.lower(j)?;
    let (number, rest) = match word.split_once('-') {
        Some((n, rest)) if small_word(n).is_some() => (n, Some(rest)),
        _ => (word, None),
    };
    let n = small_word(number)? as u32;
    let months =
        |unit: &str| matches!(unit, "month" | "months" | "week" | "weeks" | "day" | "days");
    let value = |unit: &str| if months(unit) { 0 } else { n };
    if let Some(rest) = rest {
        // "four-year-old", one token.
        let unit = rest.strip_suffix("-old")?;
        return (matches!(unit, "year" | "years") || months(unit)).then(|| (value(unit), j + 1));
    }
    let unit = toks.lower(j + 1)?;
    (matches!(unit, "year" | "years") || months(unit))
        .then_some(())
        .filter(|()| toks.is(j + 2, "old"))
        .map(|()| (value(unit), j + 3))
}

/// A number standing alone between commas after a name or noun ("Gomez, 31, died"): an age,
/// never a count.
pub fn apposed_age(toks: &Tokens, i: usize) -> Option<u32> {
    if toks.kind(i) != Some(Kind::Number) || i == 0 || !toks.is_punct(i - 1, ',') {
        return None;
    }
    let closes = toks.is_punct(i + 1, ',')
        || toks.is_punct(i + 1, ')')
        || toks.kind(i + 1).is_none()
        || toks.is_punct(i + 1, '.');
    let before = i.checked_sub(2).and_then(|k| toks.kind(k)) == Some(Kind::Word);
    let n: u32 = toks.text(i).parse().ok()?;
    (closes && before && n < 130).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::super::tokens::leaked as toks;

    #[test]
    fn ages_are_read_and_never_counts() {
        let t = toks("a 24-year-old man, a 2-month-old girl and a 70 year old woman");
        assert_eq!(age_at(&t, 1), Some((24, 4)));
        assert_eq!(age_at(&t, 7), Some((0, 10)));
        assert_eq!(age_at(&t, 13).map(|a| a.0), Some(70));
        let t = toks("Diana Gomez, 31, died");
        assert_eq!(apposed_age(&t, 3), Some(31));
        let t = toks("killed 31, police said");
        assert_eq!(apposed_age(&t, 1), None);
        let t = toks("Four Year Old Girl, a four-year-old, a ten-month-old, two years old");
        assert_eq!(age_at(&t, 0), Some((4, 3)));
        assert_eq!(age_at(&t, 6), Some((4, 7)));
        assert_eq!(age_at(&t, 9), Some((0, 10)));
        assert_eq!(age_at(&t, 11), Some((2, 14)));
        let t = toks("four years in prison");
        assert_eq!(age_at(&t, 0), None);
        let t = toks("15yo boy, 16-yo girl");
        assert_eq!(age_at(&t, 0), Some((15, 2)));
        assert_eq!(age_at(&t, 4), Some((16, 7)));
    }
}
