//! Named actors found by capitalisation and grammar, with no list of them: people ("Stan
//! Perlo", "Sheriff Chris Nocco", then "Perlo"), organisations and forces ("Surrey Fire and
//! Rescue Service", "Dayton police", "Hewlett-Packard", then "HP") and the part they play
//! when the words say (an official's title, an official body). The lexicon's armed groups are
//! found apart (`actors.rs`); these are what news names without any list.
//!
//! A run of capitalised words is read as a whole: an organisation when a word of it heads
//! one ("Office", "Department", "Society"), a person when it holds a first name of the 1990
//! US Census's lists followed by a surname, or when none of its words is a common English
//! word nor the run a place. Later mentions are resolved against the names the report has
//! given: a surname or first name to the person, an acronym or a head noun ("the navy") to
//! the organisation. A single unknown capitalised word counts only when the report uses it
//! again, so one-off capitals (titles of works, products, slogans) stay out.

mod known;
mod words;

pub use known::Known;
pub use words::bare;

/// True for a first name of the 1990 US Census's lists ("christopher"; lower case).
pub fn is_first_name(word: &str) -> bool {
    words::first_names().contains(word)
}

use super::common_words::{adjective_ending, is_common};
use super::gazetteer::gazetteer;
use super::timex::is_calendar_word;
use super::tokens::{Kind, Tokens};
use crate::model::ActorRole;
use words::*;

/// An actor named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// First token.
    pub start: usize,
    /// Token after it.
    pub end: usize,
    /// The full name: a person's without a title, an organisation's without "the".
    pub name: String,
    /// The part the words give it.
    pub role: Option<ActorRole>,
    /// True for a person, false for an organisation or a name of no known sort.
    pub person: bool,
}

/// Every actor named in tokens `from..to` (one sentence), learning names for later ones.
pub fn find(toks: &Tokens, from: usize, to: usize, known: &mut Known) -> Vec<Named> {
    let mut found = Vec::new();
    // A credit line's names are the report's staff ("Staff writer Jesse Paul contributed").
    if (from..to).any(|k| {
        // Most words start with no credit word's letter: one byte tells.
        matches!(
            toks.text(k).as_bytes().first(),
            Some(b'C' | b'P' | b'S' | b'E' | b'T' | b'c')
        ) && (CREDIT_WORDS.contains(&toks.text(k)) || toks.is(k, "contributed"))
    }) {
        return found;
    }
    // Whether the scan is inside brackets, kept up to date as it moves on.
    let (mut bracketed, mut seen) = (false, from);
    let mut i = from;
    while i < to {
        if toks.is(i, "the")
            && let Some(org) = toks
                .lower(i + 1)
                .and_then(|w| known.orgs.iter().find(|o| o.head == w))
            && !toks.is_capitalized(i + 1)
        {
            // "the navy", after "the Indian navy".
            found.push(Named {
                start: i,
                end: i + 2,
                name: org.name.clone(),
                role: org.official.then_some(ActorRole::Official),
                person: false,
            });
            i += 2;
            continue;
        }
        if !toks.is_capitalized(i) || toks.lower(i).is_some_and(is_calendar_word) {
            i += 1;
            continue;
        }
        let end = run_end(toks, i, to);
        // "In Doctor Who", "It": a function word in capitals opens a sentence, no name.
        let mut start = i;
        while start < end && toks.lower(start).is_some_and(|w| has(&FUNCTION_WORDS, w)) {
            start += 1;
        }
        while seen < start {
            if toks.is_punct(seen, '(') {
                bracketed = true;
            } else if toks.is_punct(seen, ')') {
                bracketed = false;
            }
            seen += 1;
        }
        if start < end && !bracketed && !told(toks, from, start) {
            let placed = located(toks, from, start);
            read_run(toks, from, start, end, placed, known, &mut found);
        }
        i = end.max(i + 1);
    }
    found
}

/// The token before a name, back over an article and an outlet's possessive ("told CBS4’s
/// Donna Rapado").
fn before_name(toks: &Tokens, from: usize, start: usize) -> Option<usize> {
    let mut k = start;
    // Back over an article and an outlet's possessive ("FOX 5's").
    while k > from
        && (toks.is_any(k - 1, &["the", "a", "'s", "’s"])
            || toks.is_capitalized(k - 1)
            || toks.kind(k - 1) == Some(Kind::Number))
    {
        k -= 1;
    }
    k.checked_sub(1).filter(|&b| b >= from)
}

/// True when a name at `start` follows a locative preposition: the place something happens
/// ("at the Rupert Gun Range", "in Washington D.C."), unless it is an organisation.
fn located(toks: &Tokens, from: usize, start: usize) -> bool {
    before_name(toks, from, start)
        .is_some_and(|b| toks.is_any(b, &["in", "at", "near", "outside", "inside", "from"]))
}

/// True when a name at `start` is the journalist a source speaks to ("told CBS4’s Donna
/// Rapado", "tells FOX 5's Lindsay Watts").
fn told(toks: &Tokens, from: usize, start: usize) -> bool {
    before_name(toks, from, start).is_some_and(|b| toks.is_any(b, &["told", "tells", "telling"]))
}

/// Reads the run `a..b`: split at connectors unless it names an organisation. A run after a
/// locative preposition (`placed`) is a place unless it names an organisation.
fn read_run(
    toks: &Tokens,
    from: usize,
    a: usize,
    b: usize,
    placed: bool,
    known: &mut Known,
    out: &mut Vec<Named>,
) {
    let ws = words(toks, a, b);
    // A headline or a dateline in capitals names no one by its case.
    if ws.len() >= 2 && (a..b).all(|k| !toks.text(k).chars().any(char::is_lowercase)) {
        return;
    }
    // A title of a work in quotes.
    if a > 0 && toks.is_quote(a - 1) && toks.is_quote(b) {
        return;
    }
    let org_head = ws.iter().any(|w| has(&ORG_HEADS, w));
    let police_after = toks.is(b, "police");
    if org_head || police_after {
        organisation(toks, from, a, b, police_after, known, out);
        return;
    }
    if placed {
        return;
    }
    // "Perlo and Yanes", "Orozco's DNA": several names.
    let mut s = a;
    for k in a..=b {
        if k == b || toks.is_any(k, &CONNECTORS) || toks.is_any(k, &["'s", "’s"]) {
            if s < k {
                person_or_other(toks, from, s, k, known, out);
            }
            s = k + 1;
        }
    }
}

fn organisation(
    toks: &Tokens,
    from: usize,
    a: usize,
    b: usize,
    police_after: bool,
    known: &mut Known,
    out: &mut Vec<Named>,
) {
    let mut start = a;
    // "The Ornithological Council", "Police are treating": an opening capital is no name.
    while start < b
        && (toks.is_any(start, &["the", "a", "an"])
            || (start == from
                && toks
                    .lower(start)
                    .is_some_and(|w| is_common(w) && !has(&ORG_HEADS, w))
                && start + 1 < b))
    {
        start += 1;
    }
    while start < b && toks.is_any(start, &CONNECTORS) {
        start += 1;
    }
    // "Dayton police", "Nassau police": a place's force; "Egyptian police" is no name.
    if police_after
        && !(org_words_before_police(toks, start, b) || gazetteer().is_place(toks.slice(start, b)))
    {
        return;
    }
    let mut end = if police_after { b + 1 } else { b };
    // "the Mesa County Sheriff's Office said" ends at its head, not at a possessive.
    while end > start && toks.is_any(end - 1, &["'s", "’s"]) {
        end -= 1;
    }
    if start >= end
        || (end - start == 1 && start == from && !police_after && toks.is_any(start, &["police"]))
    {
        return;
    }
    // "Sheriff Chris Nocco" is a person with a title, not an office.
    let ws = words(toks, start, end);
    if !police_after
        && let Some(k) = (start..end).find(|&k| first_name_at(toks, k, end))
        && !ws.last().is_some_and(|w| has(&ORG_HEADS, w))
    {
        person_or_other(toks, from, k, end, known, out);
        return;
    }
    // A site ("Loyola University Medical Center"), or a head alone ("Court records show").
    if ws.last().is_some_and(|w| has(&SITE_ENDINGS, w)) || (ws.len() == 1 && !police_after) {
        return;
    }
    let name = toks.slice(start, end).to_string();
    let official = ws
        .iter()
        .any(|w| has(&OFFICIAL_HEADS, w) || *w == "sheriff's" || *w == "coroner's");
    known.add_org(&name, official);
    out.push(Named {
        start,
        end,
        name,
        role: official.then_some(ActorRole::Official),
        person: false,
    });
}

/// A person with a first name, after whatever title ("Interim D.C. Police Chief Peter
/// Newsham", "Court Clerk Dan Fallon"). True when the words are settled: named, or known to
/// be no person's name.
fn first_named_person(
    toks: &Tokens,
    from: usize,
    a: usize,
    b: usize,
    known: &mut Known,
    out: &mut Vec<Named>,
) -> bool {
    if let Some(mut k) = (a..b).find(|&k| first_name_at(toks, k, b)) {
        let end = b.min(k + 4);
        // "Los Angeles County Sheriff": a first name ("Angeles") before a title or an
        // office's word is no person's name.
        if (k + 1..end).any(|j| {
            toks.lower(j).is_some_and(|w| {
                has(&OFFICIAL_TITLES, w)
                    || has(&ORG_HEADS, w)
                    || has(&SITE_ENDINGS, w)
                    || w == "state"
            })
        }) {
            return true;
        }
        // "Egyptian President Abdel Fattah Al Sissi": the name starts after the title, at
        // the first word that is neither common nor a people's.
        while k > a
            && toks.is_capitalized(k - 1)
            && toks
                .lower(k - 1)
                .is_some_and(|w| !is_common(w) && !is_title_abbreviation(w))
            && !gazetteer().is_nationality(toks.text(k - 1))
        {
            k -= 1;
        }
        let name = person_name(toks, k, end);
        if !has(
            &SITE_ENDINGS,
            name.rsplit(' ')
                .next()
                .unwrap_or_default()
                .to_lowercase()
                .as_str(),
        ) && !gazetteer().is_place(&name)
        {
            let role = role_before(toks, from, k);
            known.add_person(&name, role);
            out.push(Named {
                start: a,
                end,
                name,
                role,
                person: true,
            });
            return true;
        }
    }
    false
}

fn person_or_other(
    toks: &Tokens,
    from: usize,
    a: usize,
    b: usize,
    known: &mut Known,
    out: &mut Vec<Named>,
) {
    // A lone common word opening a sentence ("Hospital officials", "Rights groups") that
    // names no one the report knows: most capitals of most texts, let go at once.
    if b == a + 1
        && toks.lower(a).is_some_and(is_common)
        && !known.is_person_word(bare(toks.text(a)))
        && known.org(bare(toks.text(a))).is_none()
    {
        return;
    }
    if first_named_person(toks, from, a, b, known, out) {
        return;
    }
    let ws = words(toks, a, b);
    let last = ws.last().copied().unwrap_or_default();
    let full = person_name(toks, a, b);
    // A known person by full name, or by one name after nothing but a title ("Secretary
    // Salazar", "Mr. Teixeira", "Perlo"); "Chela Ortiz" is not Jerry Ortiz.
    let titled = ws[..ws.len().saturating_sub(1)]
        .iter()
        .all(|w| is_common(w) || is_title_abbreviation(w));
    let by_name = known.persons.iter().find(|p| p.name == full).or_else(|| {
        known
            .person(bare(toks.text(b - 1)))
            .filter(|_| titled && ws.len() <= 3)
    });
    if let Some(p) = by_name {
        let role = role_before(toks, from, b - 1).or(p.role);
        out.push(Named {
            start: a,
            end: b,
            name: p.name.clone(),
            role,
            person: true,
        });
        return;
    }
    if ws.len() == 1 {
        let word = bare(toks.text(a));
        if let Some(o) = known.org(word) {
            out.push(Named {
                start: a,
                end: b,
                name: o.name.clone(),
                role: o.official.then_some(ActorRole::Official),
                person: false,
            });
            return;
        }
        // One unknown word: a name only when the report uses it again, and not a common
        // word, a place or a people.
        let lower = word.to_lowercase();
        // Two capitals ("TM") and words with digits ("Q10") are labels, not names.
        // "Islamist", "Islamic": adjectives of creed or people, not names.
        let adjective = adjective_ending(&lower);
        let label = adjective
            || word.chars().any(|c| c.is_ascii_digit())
            || (word.len() <= 2 && word.chars().all(char::is_uppercase));
        // The cheap tests first: most capitals of most texts are common words.
        if !label
            && !is_common(&lower)
            && !has(&FUNCTION_WORDS, lower.as_str())
            && known.uses_of(toks, word) >= 2
            && !gazetteer().is_place(word)
            && !gazetteer().is_nationality(word)
        {
            known.add_org(word, false);
            out.push(Named {
                start: a,
                end: b,
                name: word.to_string(),
                role: None,
                person: false,
            });
        }
        return;
    }
    // Two or three words none of which is common, and no place: a person by another name
    // ("Chela Ortiz", "Retief Goosen").
    if ws.len() <= 3
        && !ws.iter().any(|w| is_common(bare(w)))
        && !ws.iter().any(|w| gazetteer().is_nationality(w))
        && !has(&SITE_ENDINGS, last)
    {
        let name = person_name(toks, a, b);
        if !gazetteer().is_place(&name) && !gazetteer().is_nationality(&name) {
            let role = role_before(toks, from, a);
            known.add_person(&name, role);
            out.push(Named {
                start: a,
                end: b,
                name,
                role,
                person: true,
            });
        }
    }
}

/// A person's name from tokens `a..b`: its words without a possessive or a final period.
fn person_name(toks: &Tokens, a: usize, b: usize) -> String {
    (a..b)
        .filter(|&k| toks.kind(k) == Some(Kind::Word))
        .map(|k| bare(toks.text(k)).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::leaked as toks;

    fn names(text: &'static str) -> Vec<(String, Option<ActorRole>)> {
        let t = toks(text);
        let mut known = Known::default();
        find(&t, 0, t.len(), &mut known)
            .into_iter()
            .map(|n| (n.name, n.role))
            .collect()
    }

    #[test]
    fn people_and_organisations_by_their_words() {
        use ActorRole::*;
        assert_eq!(
            names("The fight began after an argument, Sheriff Chris Nocco said. Nocco added more."),
            [
                ("Chris Nocco".into(), Some(Official)),
                ("Chris Nocco".into(), Some(Official))
            ]
        );
        assert_eq!(
            names(
                "Peter Guest, Assistant Chief Fire Officer at Surrey Fire and Rescue Service says"
            ),
            [
                ("Peter Guest".into(), None),
                ("Surrey Fire and Rescue Service".into(), None)
            ]
        );
        assert_eq!(
            names(
                "Hewlett-Packard buys Electronic Data Systems; Hewlett-Packard pays. HP prizes EDS."
            ),
            [
                ("Hewlett-Packard".into(), None),
                ("Electronic Data Systems".into(), None),
                ("Hewlett-Packard".into(), None),
                ("Hewlett-Packard".into(), None),
                ("Electronic Data Systems".into(), None)
            ]
        );
        assert_eq!(
            names("the murder of Los Angeles County Sheriff's Deputy Jerry Ortiz."),
            [("Jerry Ortiz".into(), Some(Official))]
        );
        assert_eq!(
            names("Dayton police have asked for witnesses to come forward."),
            [("Dayton police".into(), Some(Official))]
        );
        assert_eq!(
            names("35-year-old suspect Chad Couture was held. Couture is behind bars."),
            [
                ("Chad Couture".into(), Some(Perpetrator)),
                ("Chad Couture".into(), Some(Perpetrator))
            ]
        );
    }

    #[test]
    fn not_actors() {
        // Places, days, a headline in capitals, a one-off capital, a people.
        assert!(names("It happened in Santa Rosa on Thursday.").is_empty());
        assert!(names("GARY ROSS REMAINS IN NEGOTIATIONS").is_empty());
        assert!(names("the Tardis landed").is_empty());
        assert!(
            names("23 Somali and Yemeni pirates surrendered; Somali pirates and Yemeni ones")
                .is_empty()
        );
    }
}
