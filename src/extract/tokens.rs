//! Words, numbers and punctuation of a text with their byte offsets.
//!
//! Matching uses an ASCII-lowercased copy of the text: the same length as the original, so a
//! token's offsets index both, and no token needs a string of its own.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner hyphens and apostrophes: "south-west", "don't").
    Word,
    /// Digits (with inner `,` `.` `-` between digits: "1,200", "1.5", "10-15").
    Number,
    /// Any other single character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: u32,
    end: u32,
    kind: Kind,
    /// A word starting with a capital letter: asked of most tokens many times over, so
    /// decided once here.
    capital: bool,
}

/// The tokens of one text.
#[derive(Debug, Clone)]
pub struct Tokens<'t> {
    text: &'t str,
    lower: &'t str,
    toks: Vec<Tok>,
    /// Per token, which lexicon categories have a phrase starting with it (see
    /// [`Tokens::set_masks`]); empty until set, meaning "any".
    masks: Vec<u32>,
}

/// The character starting at byte `i` of `text` (a char boundary).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// True when `rest` (after an apostrophe) is a possessive "s" ending its word.
fn possessive_s(rest: &str) -> bool {
    (rest.starts_with('s') || rest.starts_with('S'))
        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The end of a word or number of `kind` whose characters continue at byte `end`: letters
/// (or digits), and joiners between two of them ("south-west", "don't", "1,200", "10-15"),
/// but not an apostrophe before a final "s" (a possessive token of its own). Runs of ASCII
/// are skipped a byte at a time, without decoding: most of most texts.
fn word_end(text: &str, bytes: &[u8], mut end: usize, kind: Kind) -> usize {
    let same_ascii = |b: u8| match kind {
        Kind::Number => b.is_ascii_digit(),
        _ => b.is_ascii_alphanumeric(),
    };
    loop {
        while end < bytes.len() && same_ascii(bytes[end]) {
            end += 1;
        }
        if end >= bytes.len() {
            return end;
        }
        let n = char_at(text, end);
        let same = match kind {
            Kind::Number => decimal_digit(n).is_some(),
            _ => n.is_alphanumeric(),
        };
        if same {
            end += n.len_utf8();
            continue;
        }
        let joiner = match kind {
            Kind::Number => matches!(n, ',' | '.' | '-'),
            _ => n == '-' || n == '\'' || n == '’',
        };
        if !joiner {
            return end;
        }
        // A joiner stays inside only between two characters of the same sort.
        let rest = &text[end + n.len_utf8()..];
        let next = rest.chars().next();
        let keeps = match kind {
            Kind::Number => next.is_some_and(|x| decimal_digit(x).is_some()),
            _ => next.is_some_and(char::is_alphanumeric),
        };
        if !keeps || ((n == '\'' || n == '’') && possessive_s(rest)) {
            return end;
        }
        end += n.len_utf8();
    }
}

/// The value of a decimal digit of any script news is written in: ASCII, Arabic-Indic
/// ("٣٥"), Extended Arabic-Indic (Persian, Urdu), Devanagari and full-width ("３５").
pub fn decimal_digit(c: char) -> Option<u32> {
    let from = |zero: char| Some(c as u32 - zero as u32);
    match c {
        '0'..='9' => from('0'),
        '\u{0660}'..='\u{0669}' => from('\u{0660}'),
        '\u{06F0}'..='\u{06F9}' => from('\u{06F0}'),
        '\u{0966}'..='\u{096F}' => from('\u{0966}'),
        '\u{FF10}'..='\u{FF19}' => from('\u{FF10}'),
        _ => None,
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '\'')
}

impl<'t> Tokens<'t> {
    /// Tokenize `text`; `lower` must be `text.to_ascii_lowercase()`.
    pub fn new(text: &'t str, lower: &'t str) -> Self {
        debug_assert_eq!(text.len(), lower.len());
        let bytes = text.as_bytes();
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
        let mut pos = 0;
        while pos < text.len() {
            let start = pos;
            // Most characters of most texts are ASCII: those are read without decoding.
            let c = match bytes[start] {
                b if b.is_ascii() => char::from(b),
                _ => char_at(text, start),
            };
            pos += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() || (!c.is_ascii() && decimal_digit(c).is_some()) {
                Kind::Number
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            };
            // A possessive "'s" right after a word is one token.
            if kind == Kind::Punct
                && (c == '\'' || c == '’')
                && toks
                    .last()
                    .is_some_and(|t| t.end as usize == start && t.kind == Kind::Word)
                && possessive_s(&text[pos..])
            {
                pos += 1;
            }
            if kind != Kind::Punct {
                pos = word_end(text, bytes, pos, kind);
            }
            toks.push(Tok {
                start: start as u32,
                end: pos as u32,
                kind,
                capital: kind == Kind::Word && c.is_uppercase(),
            });
        }
        Tokens {
            text,
            lower,
            toks,
            masks: Vec::new(),
        }
    }

    /// Record, per token, the categories whose phrases may start there, so a category with no
    /// phrase starting at a token is ruled out without a lookup.
    pub fn set_masks(&mut self, masks: Vec<u32>) {
        debug_assert_eq!(masks.len(), self.toks.len());
        self.masks = masks;
    }

    /// True when a phrase of the category `bit` may start at token `i`.
    #[inline]
    pub fn may_start(&self, i: usize, bit: u32) -> bool {
        self.masks.get(i).is_none_or(|m| m & bit != 0)
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Byte offset where token `i` starts.
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.toks[i].start as usize
    }

    /// Byte offset where token `i` ends.
    #[inline]
    pub fn end(&self, i: usize) -> usize {
        self.toks[i].end as usize
    }

    /// The token's kind.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The token as written, or "" past the end.
    #[inline]
    pub fn text(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    /// The token lowercased (ASCII), or `None` past the end.
    #[inline]
    pub fn lower(&self, i: usize) -> Option<&'t str> {
        let t = self.toks.get(i)?;
        Some(&self.lower[t.start as usize..t.end as usize])
    }

    /// True when token `i` is `word` (lowercase).
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == Some(word)
    }

    /// True when token `i` is one of `words`.
    #[inline]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.lower(i).is_some_and(|w| words.contains(&w))
    }

    /// True when token `i` is a quotation mark.
    #[inline]
    pub fn is_quote(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i).chars().next().is_some_and(is_quote)
    }

    /// True when token `i` is the punctuation `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i).starts_with(c)
    }

    /// True when token `i` starts with a capital letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    /// True when token `i` follows token `i - 1` with no space between.
    #[inline]
    pub fn touches_previous(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// If the lowercase `words` appear from token `i` on, the token after them.
    pub fn matches(&self, i: usize, words: &[String]) -> Option<usize> {
        let mut j = i;
        for word in words {
            if self.lower(j)? != word {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The first token starting at or after byte `offset`.
    pub fn index_at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < offset)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'t str {
        if a >= b {
            return "";
        }
        &self.text[self.start(a)..self.end(b - 1)]
    }
}

/// Tokens of a text that lives for the whole test (the lowercase copy is leaked).
#[cfg(test)]
pub fn leaked(text: &'static str) -> Tokens<'static> {
    let lower: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
    Tokens::new(text, lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_end_is_nothing_not_a_panic() {
        // Rules look one token ahead ("—" after a dateline); at a text's end there is none.
        let t = leaked("MIAMI");
        assert_eq!(t.text(1), "");
        assert!(!t.is_capitalized(1) && !t.is_punct(1, '-') && t.lower(1).is_none());
        assert!(t.is_capitalized(0));
    }

    fn words(text: &str) -> Vec<&str> {
        let lower: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let toks = Tokens::new(text, lower);
        (0..toks.len()).map(|i| toks.text(i)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("At least 35 policemen."),
            ["At", "least", "35", "policemen", "."]
        );
        assert_eq!(
            words("about 200km south-west"),
            ["about", "200", "km", "south-west"]
        );
        assert_eq!(
            words("Hasm’s account, Egypt's"),
            ["Hasm", "’s", "account", ",", "Egypt", "'s"]
        );
        assert_eq!(
            words("1,200 and 1.2114013-2760217987"),
            ["1,200", "and", "1.2114013-2760217987"]
        );
        assert_eq!(
            words("the 75th “terrorists”"),
            ["the", "75", "th", "“", "terrorists", "”"]
        );
        assert_eq!(words("don’t twenty-one"), ["don’t", "twenty-one"]);
        assert_eq!(words("Oct. 2."), ["Oct", ".", "2", "."]);
        assert_eq!(words("told\u{a0}AFP\u{a0}."), ["told", "AFP", "."]);
        // Letters beyond ASCII inside and after ASCII runs, and joiners at a text's end.
        assert_eq!(
            words("Müller-Lüdenscheid's café 10-15- end-"),
            ["Müller-Lüdenscheid", "'s", "café", "10-15", "-", "end", "-"]
        );
        assert_eq!(words("Ωmega's"), ["Ωmega", "'s"]);
    }
}
