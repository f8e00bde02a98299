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

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '\'')
}

impl<'t> Tokens<'t> {
    /// Tokenize `text`; `lower` must be `text.to_ascii_lowercase()`.
    pub fn new(text: &'t str, lower: &'t str) -> Self {
        debug_assert_eq!(text.len(), lower.len());
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Number
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            };
            let mut end = start + c.len_utf8();
            // A possessive "'s" right after a word is one token.
            let rest = &text[end..];
            if kind == Kind::Punct
                && (c == '\'' || c == '’')
                && toks
                    .last()
                    .is_some_and(|t: &Tok| t.end as usize == start && t.kind == Kind::Word)
                && (rest.starts_with('s') || rest.starts_with('S'))
                && !rest[1..].chars().next().is_some_and(char::is_alphanumeric)
            {
                end += 1;
                chars.next();
            }
            if kind != Kind::Punct {
                while let Some(&(i, n)) = chars.peek() {
                    let same = match kind {
                        Kind::Number => n.is_ascii_digit(),
                        _ => n.is_alphanumeric(),
                    };
                    let joiner = match kind {
                        Kind::Number => matches!(n, ',' | '.' | '-'),
                        _ => n == '-' || n == '\'' || n == '’',
                    };
                    if same {
                        end = i + n.len_utf8();
                        chars.next();
                        continue;
                    }
                    if !joiner {
                        break;
                    }
                    // A joiner stays inside only between two characters of the same sort, and
                    // an apostrophe before a final "s" starts a possessive token instead.
                    let rest = &text[i + n.len_utf8()..];
                    let next = rest.chars().next();
                    let keeps = match kind {
                        Kind::Number => next.is_some_and(|x| x.is_ascii_digit()),
                        _ => next.is_some_and(char::is_alphanumeric),
                    };
                    let possessive = (n == '\'' || n == '’')
                        && (rest.starts_with('s') || rest.starts_with('S'))
                        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                    if !keeps || possessive {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
            }
            toks.push(Tok {
                start: start as u32,
                end: end as u32,
                kind,
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
    pub fn may_start(&self, i: usize, bit: u32) -> bool {
        self.masks.get(i).is_none_or(|m| m & bit != 0)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Byte offset where token `i` starts.
    pub fn start(&self, i: usize) -> usize {
        self.toks[i].start as usize
    }

    /// Byte offset where token `i` ends.
    pub fn end(&self, i: usize) -> usize {
        self.toks[i].end as usize
    }

    /// The token's kind.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The token as written.
    pub fn text(&self, i: usize) -> &'t str {
        let t = self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The token lowercased (ASCII), or `None` past the end.
    pub fn lower(&self, i: usize) -> Option<&'t str> {
        let t = self.toks.get(i)?;
        Some(&self.lower[t.start as usize..t.end as usize])
    }

    /// True when token `i` is `word` (lowercase).
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == Some(word)
    }

    /// True when token `i` is one of `words`.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.lower(i).is_some_and(|w| words.contains(&w))
    }

    /// True when token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i).chars().next().is_some_and(is_quote)
    }

    /// True when token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i).starts_with(c)
    }

    /// True when token `i` starts with a capital letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
            && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `i` follows token `i - 1` with no space between.
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
    }
}
