//! Attribution: who the report says said something. A frame is an attribution verb with its
//! source ("the Interior Ministry said", "said the ministry", "according to X", "X told AFP"),
//! the chain it cites ("reported, citing security officials"), and whether it points back to
//! the previous sentence ("Security sources have confirmed this assessment").

use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens};
use crate::model::{Attribution, SourceKind};

/// An attribution found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The verb's token (or "according").
    pub verb: usize,
    /// First token of the source's words.
    pub source_start: usize,
    /// The attribution.
    pub attribution: Attribution,
    /// True when the verb's object points back ("confirmed this assessment").
    pub anaphoric: bool,
}

/// Words that end a subject when walking back from a verb.
const CLAUSE_WORDS: [&str; 12] = [
    "that", "but", "while", "as", "which", "when", "because", "although", "though", "if",
    "whereas", "so",
];
/// Words that may stand between a subject and its verb.
const AUXILIARIES: [&str; 16] = [
    "have",
    "has",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "also",
    "later",
    "previously",
    "never",
    "repeatedly",
    "reportedly",
    "had",
];
/// Words that end a source named after the verb or after "according to".
const SOURCE_ENDS: [&str; 9] = [
    "without", "that", "in", "on", "who", "which", "when", "adding", "as",
];
/// Words that do not make a source a proper name when capitalised at the start of a sentence.
const FUNCTION_WORDS: [&str; 24] = [
    "the", "these", "this", "those", "that", "it", "they", "he", "she", "we", "a", "an", "some",
    "many", "most", "other", "its", "their", "his", "her", "there", "i", "you", "i'm",
];
/// Words after which an attribution verb is a noun ("a claim of responsibility").
const DETERMINERS: [&str; 9] = [
    "a", "an", "the", "no", "any", "this", "that", "its", "their",
];

fn is_boundary_punct(toks: &Tokens, i: usize) -> bool {
    toks.kind(i) == Some(Kind::Punct)
        && !toks.is_punct(i, '\'')
        && !toks.is_punct(i, '’')
        && !toks.is_punct(i, '-')
        && !abbreviation_dot(toks, i)
}

/// Abbreviations whose period ends no phrase ("Sgt. Andrew Zecchini", "Interim D.C. Police
/// Chief").
const ABBREVIATIONS: [&str; 14] = [
    "sgt", "cpl", "lt", "capt", "gov", "sen", "rep", "dr", "mr", "mrs", "ms", "st", "jr", "det",
];

/// True when the period at `i` ends an initial or a title's abbreviation inside a name.
fn abbreviation_dot(toks: &Tokens, i: usize) -> bool {
    toks.is_punct(i, '.')
        && i > 0
        && toks.is_capitalized(i - 1)
        && (toks.text(i - 1).len() == 1 || toks.is_any(i - 1, &ABBREVIATIONS))
        && (toks.is_capitalized(i + 1) || toks.is_punct(i + 1, ','))
}

/// Pronouns that stand for a source named before ("he said", "it said").
pub const PRONOUNS: [&str; 4] = ["he", "she", "it", "they"];

/// The attribution named by tokens `a..b`, or `None` when the words name no source.
fn source(toks: &Tokens, a: usize, b: usize, lex: &Lexicon) -> Option<Attribution> {
    let (mut a, mut b) = (a, b);
    // "reported by multiple local media": the source is what follows "by".
    while a < b && (toks.is_quote(a) || toks.kind(a) == Some(Kind::Punct) || toks.is(a, "by")) {
        a += 1;
    }
    while b > a && (toks.is_any(b - 1, &AUXILIARIES) || toks.kind(b - 1) == Some(Kind::Punct)) {
        b -= 1;
    }
    if a >= b || b - a > 12 {
        return None;
    }
    let words: Vec<&str> = (a..b).filter_map(|i| toks.lower(i)).collect();
    // "he said": a source named before, which the reader puts in.
    if let [pronoun] = words.as_slice()
        && PRONOUNS.contains(pronoun)
    {
        let mut attribution = Attribution::new(toks.slice(a, b).to_string(), SourceKind::Other);
        attribution.span = Some([toks.start(a), toks.end(a)]);
        return Some(attribution);
    }
    let kind = match lex.source_kind(&words) {
        Some(kind) => kind,
        // A proper name with no known sort is still a source ("Smith said").
        None if (a..b).any(|i| toks.is_capitalized(i) && !toks.is_any(i, &FUNCTION_WORDS)) => {
            SourceKind::Other
        }
        None => return None,
    };
    let mut attribution = Attribution::new(toks.slice(a, b).to_string(), kind);
    attribution.span = Some([toks.start(a), toks.end(b - 1)]);
    Some(attribution)
}

/// Walk back from the verb at `v` to its subject: the tokens `start..end` before it.
fn subject(toks: &Tokens, from: usize, v: usize) -> (usize, usize) {
    // "Despite their divorce she said": a pronoun just before the verb is its subject.
    let mut p = v;
    while p > from && toks.is_any(p - 1, &AUXILIARIES) {
        p -= 1;
    }
    if p > from && toks.is_any(p - 1, &PRONOUNS) {
        return (p - 1, v);
    }
    let mut a = v;
    while a > from
        && !is_boundary_punct(toks, a - 1)
        && !toks.is_any(a - 1, &CLAUSE_WORDS)
        && !toks.is(a - 1, "who")
    {
        a -= 1;
    }
    // "two truck drivers who were leaving the site told AFP": the subject is before "who".
    if a > from + 1
        && toks.is(a - 1, "who")
        && toks.is_any(a, &["were", "was", "is", "are", "had", "has", "have"])
    {
        let who = a - 1;
        let mut b = who;
        while b > from && !is_boundary_punct(toks, b - 1) && !toks.is_any(b - 1, &CLAUSE_WORDS) {
            b -= 1;
        }
        return (b, who);
    }
    (a, v)
}

/// The end of a source named from token `a` on (after an inverted verb or "according to").
/// After an inverted verb "to" ends it too ("said the presidency to AFP"); after "according
/// to" it does not ("a source close to the security services").
fn source_end(toks: &Tokens, a: usize, to: usize, stop_at_to: bool) -> usize {
    let mut b = a;
    while b < to
        && !is_boundary_punct(toks, b)
        && !(b > a && (toks.is_any(b, &SOURCE_ENDS) || (stop_at_to && toks.is(b, "to"))))
    {
        b += 1;
    }
    b
}

/// True when tokens `a..b` are a name in capitals, perhaps after an article ("Stan Perlo",
/// "Detective Dawn Retzlaff").
fn is_name(toks: &Tokens, a: usize, b: usize) -> bool {
    a < b
        && (a..b).all(|k| {
            toks.is_capitalized(k) || abbreviation_dot(toks, k) || toks.is_any(k, &["'s", "’s"])
        })
        && !toks.is_any(a, &FUNCTION_WORDS)
        && !toks.is_any(
            a,
            &[
                "on", "in", "at", "after", "before", "since", "during", "for",
            ],
        )
        && !(a..b).any(|k| toks.lower(k).is_some_and(super::timex::is_calendar_word))
}

/// A source named with an apposition before the verb at `v`, its comma just before it:
/// "Shelby Castleton, a neighbor, said", "the deputy's mother, Rosa Ortiz, said". One of the
/// two parts is a name; the words of both give the sort of source.
fn apposed(toks: &Tokens, from: usize, v: usize, lex: &Lexicon) -> Option<(usize, Attribution)> {
    if v < from + 4 || !toks.is_punct(v - 1, ',') {
        return None;
    }
    let comma = (from..v - 1).rev().find(|&k| is_boundary_punct(toks, k))?;
    if !toks.is_punct(comma, ',') || v - 1 - comma > 17 || v - 1 - comma < 2 {
        return None;
    }
    let (a, _) = subject(toks, from, comma);
    if a >= comma || comma - a > 8 {
        return None;
    }
    let (head, middle) = ((a, comma), (comma + 1, v - 1));
    let opens_apposition = toks.is_any(middle.0, &["the", "a", "an", "one", "his", "her", "their"])
        || toks.is_capitalized(middle.0);
    let named = is_name(toks, head.0, head.1) || is_name(toks, middle.0, middle.1);
    if !(named && opens_apposition) {
        return None;
    }
    let words: Vec<&str> = (a..v - 1).filter_map(|i| toks.lower(i)).collect();
    let kind = lex.source_kind(&words).unwrap_or(SourceKind::Other);
    let mut attribution = Attribution::new(toks.slice(a, v - 1).to_string(), kind);
    attribution.span = Some([toks.start(a), toks.end(v - 2)]);
    let role = if is_name(toks, head.0, head.1) {
        middle
    } else {
        head
    };
    attribution.role = Some(toks.slice(role.0, role.1).to_string());
    Some((a, attribution))
}

/// A subject that is the apposition of a name before it ("Peter Guest, Assistant Chief Fire
/// Officer at Surrey Fire and Rescue Service, says"): the source is the name, its role the
/// subject's words.
fn named_before(
    toks: &Tokens,
    from: usize,
    a: usize,
    mut attribution: Attribution,
) -> (usize, Attribution) {
    if a < from + 3 || !toks.is_punct(a - 1, ',') {
        return (a, attribution);
    }
    let (n, _) = subject(toks, from, a - 1);
    if n >= a - 1
        || a - 1 - n > 5
        || !is_name(toks, n, a - 1)
        || n > from && !is_boundary_punct(toks, n - 1) && !toks.is_quote(n - 1)
    {
        return (a, attribution);
    }
    attribution.role = Some(std::mem::take(&mut attribution.text));
    attribution.text = toks
        .slice(n, attribution.span.map_or(a, |sp| toks.index_at(sp[1])))
        .to_string();
    if let Some(sp) = attribution.span.as_mut() {
        sp[0] = toks.start(n);
    }
    (n, attribution)
}

/// Every attribution frame in tokens `from..to`.
pub fn frames(toks: &Tokens, from: usize, to: usize, lex: &Lexicon) -> Vec<Frame> {
    let mut found: Vec<Frame> = Vec::new();
    let mut v = from;
    while v < to {
        if toks.is(v, "according") && toks.is(v + 1, "to") {
            let end = source_end(toks, v + 2, to, false);
            if let Some(attribution) = source(toks, v + 2, end, lex) {
                found.push(Frame {
                    verb: v,
                    source_start: v + 2,
                    attribution,
                    anaphoric: false,
                });
            }
            v = end;
            continue;
        }
        let Some(((), after)) = lex.attribution_verbs.at(toks, v) else {
            v += 1;
            continue;
        };
        // "a claim of responsibility"; "members are said to be": no one says it.
        let hearsay = v > from
            && toks.is_any(v - 1, &["is", "are", "was", "were", "been", "be"])
            && toks.is(after, "to");
        if (v > from && toks.is_any(v - 1, &DETERMINERS)) || hearsay {
            v = after;
            continue;
        }
        let (a, subject_end) = subject(toks, from, v);
        let subject = (a < subject_end)
            .then(|| source(toks, a, subject_end, lex))
            .flatten();
        let frame = match subject {
            Some(attribution) => Some(named_before(toks, from, a, attribution)),
            // "... but said the gun battle": the subject of the previous verb.
            None if a == v && v > from && toks.is_any(v - 1, &["but", "and"]) => found
                .last()
                .map(|f| (f.source_start, f.attribution.clone())),
            // "Stan Perlo, one of two defense attorneys, said": a name and its apposition.
            // "..., said the ministry": the source follows the verb.
            None if a == v => apposed(toks, from, v, lex).or_else(|| {
                let end = source_end(toks, after, to, true);
                source(toks, after, end, lex).map(|s| (after, s))
            }),
            None => None,
        };
        if let Some((source_start, mut attribution)) = frame {
            // "reported, citing security officials who ..."
            let mut c = after;
            if toks.is_punct(c, ',') {
                c += 1;
            }
            if toks.is(c, "citing") {
                let end = source_end(toks, c + 1, to, false);
                if let Some(cited) = source(toks, c + 1, end, lex) {
                    attribution.chain.push(cited);
                }
            }
            let anaphoric = toks.is_any(after, &["this", "that", "these"])
                && toks.is_any(
                    after + 1,
                    &[
                        "assessment",
                        "figure",
                        "figures",
                        "toll",
                        "tally",
                        "account",
                        "report",
                        "number",
                    ],
                );
            found.push(Frame {
                verb: v,
                source_start,
                attribution,
                anaphoric,
            });
        }
        v = after;
    }
    found
}

/// Words that open a clause of its own: a source after one does not speak for what precedes
/// it ("There has been no claim, although some media reports suggested ...").
const CONCESSIVE: [&str; 6] = ["although", "though", "but", "while", "whereas", "because"];

/// The frame that attributes a claim spanning tokens `start..end`: the nearest one before it,
/// else the first one after it in the same clause.
pub fn choose<'f>(
    toks: &Tokens,
    frames: &'f [Frame],
    start: usize,
    end: usize,
) -> Option<&'f Frame> {
    frames
        .iter()
        .filter(|f| f.verb < start && f.source_start < start)
        .max_by_key(|f| f.verb)
        .or_else(|| {
            frames
                .iter()
                .find(|f| f.source_start >= end || f.verb >= end)
                .filter(|f| !(end..f.source_start.max(end)).any(|k| toks.is_any(k, &CONCESSIVE)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributions(text: &str) -> Vec<(String, SourceKind, Vec<String>)> {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        let lex = Lexicon::defaults();
        frames(&toks, 0, toks.len(), &lex)
            .into_iter()
            .map(|f| {
                (
                    f.attribution.text,
                    f.attribution.kind,
                    f.attribution.chain.into_iter().map(|c| c.text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn subjects_before_and_after_the_verb() {
        use SourceKind::*;
        assert_eq!(
            attributions("The Interior Ministry said security forces were attacked."),
            [("The Interior Ministry".into(), Official, vec![])]
        );
        assert_eq!(
            attributions("Several were killed, said the ministry without giving figures."),
            [("the ministry".into(), Official, vec![])]
        );
        assert_eq!(
            attributions("At least 52 were killed, security and medical sources said."),
            [(
                "security and medical sources".into(),
                SecuritySources,
                vec![]
            )]
        );
        assert_eq!(
            attributions(
                "According to a source close to the security services, the convoy was hit."
            ),
            [(
                "a source close to the security services".into(),
                SecuritySources,
                vec![]
            )]
        );
        assert_eq!(
            attributions(
                "about 80 miles away, the Associated Press reported, citing security officials who spoke"
            ),
            [(
                "the Associated Press".into(),
                WireAgency,
                vec!["security officials".to_string()]
            )]
        );
        assert_eq!(
            attributions(
                "On Saturday, two truck drivers who were leaving the ambush site told AFP that"
            ),
            [("two truck drivers".into(), Witnesses, vec![])]
        );
    }

    #[test]
    fn a_second_verb_keeps_the_subject_and_clauses_split_sources() {
        let found = attributions(
            "In a statement, the Egyptian Interior Ministry acknowledged the operation but said 16 died.",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].0, "the Egyptian Interior Ministry");
        let found = attributions(
            "Official numbers put the number at 16 while other media put the number at 54.",
        );
        assert_eq!(
            found.iter().map(|f| f.1).collect::<Vec<_>>(),
            [SourceKind::Official, SourceKind::Media]
        );
    }

    #[test]
    fn not_attributions() {
        assert!(attributions("These groups have never reported an affiliation.").is_empty());
        assert!(
            attributions("It was unclear whether the ministry was referring to its own.")
                .is_empty()
        );
    }
}
