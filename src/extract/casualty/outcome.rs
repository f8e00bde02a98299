//! What happened to the people counted, as English says it: a verb before them ("killing
//! two", "fatally shot a teen"), a predicate after them ("were shot to death", "died at the
//! hospital", "is in critical condition"), and a later death in the same clause ("was shot
//! Tuesday and died"), which makes the wounded dead.

use super::super::lexicon::Lexicon;
use super::super::numbers::quantity_at;
use super::super::timex::month_at;
use super::super::tokens::{Kind, Tokens};
use crate::model::Outcome;

/// Words that end the search for an outcome after the group.
const CLAUSE_END: [&str; 5] = ["but", "while", "whereas", "although", "though"];
/// How far an outcome word may be from a counted group.
const OUTCOME_WINDOW: usize = 8;
/// Words a predicate may pass before its outcome: auxiliaries, adverbs of time and manner,
/// "believed to be", "found", days ("was shot Tuesday and died").
pub(super) const PREDICATE: [&str; 44] = [
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "been",
    "being",
    "be",
    "also",
    "later",
    "then",
    "subsequently",
    "reportedly",
    "allegedly",
    "apparently",
    "believed",
    "thought",
    "to",
    "found",
    "still",
    "both",
    "all",
    "remains",
    "remained",
    "listed",
    "now",
    "eventually",
    "initially",
    "each",
    "who",
    "later",
    "reported",
    "left",
    "critically",
    "seriously",
    "badly",
    "fatally",
    "accidentally",
    "instantly",
    "immediately",
    "allegedly",
    "ultimately",
];
/// Time words a predicate may pass ("was killed early Sunday").
pub(super) const TIMES: [&str; 17] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "night",
    "morning",
    "afternoon",
    "evening",
    "early",
    "late",
    "today",
    "yesterday",
    "overnight",
    "tonight",
];
/// Auxiliaries that make a participle passive ("was shot").
const AUXILIARIES: [&str; 9] = [
    "was", "were", "is", "are", "been", "being", "be", "remains", "remained",
];
/// Words that start an object after a verb ("shot his neighbor", "killed a man").
const OBJECT_STARTS: [&str; 11] = [
    "a", "an", "the", "his", "her", "their", "him", "them", "its", "one", "another",
];
/// Verbs of attempt or intent before "to" ("tried to kill").
const INTENT: [&str; 18] = [
    "tried",
    "try",
    "trying",
    "tries",
    "attempted",
    "attempting",
    "attempt",
    "threatened",
    "threatening",
    "threatens",
    "threaten",
    "wanted",
    "wants",
    "planned",
    "planning",
    "plotted",
    "vowed",
    "intended",
];
/// Words that negate a predicate ("was not hurt").
const NEGATIONS: [&str; 3] = ["not", "never", "n't"];

/// An outcome phrase ending just before token `i` ("killed 12", "killing all 224", "fatally
/// shot a", "shot and killed a", "the shooting death of"): the outcome and its first token.
/// "without killing anyone" kills no one.
pub fn before(toks: &Tokens, i: usize, from: usize, lex: &Lexicon) -> Option<(Outcome, usize)> {
    let mut end = i;
    // "killing all 224", "killed her two daughters".
    if toks.is_any(end.wrapping_sub(1), &["all", "his", "her", "their"]) {
        end -= 1;
    }
    // The earliest start whose phrase ends right at `end` is the longest phrase.
    let (outcome, k) = (end.saturating_sub(4).max(from)..end).find_map(|k| {
        lex.outcome_before(toks, k)
            .filter(|(_, e)| *e == end)
            .map(|(o, _)| (o, k))
    })?;
    // "tried to run over deputies", "threatened to kill her": an attempt or an intent harms
    // no one by itself.
    let intended = toks.is(k.wrapping_sub(1), "to") && toks.is_any(k.wrapping_sub(2), &INTENT);
    // "charged with murder, child abuse and injuring a child's parent": an offence named in a
    // list of charges.
    let charged = || {
        toks.lower(k).is_some_and(|w| w.ends_with("ing"))
            && (k.saturating_sub(16).max(from)..k).any(|c| {
                toks.is_any(c, &["charged", "convicted", "indicted"])
                    && toks.is_any(c + 1, &["with", "of"])
                    && (c + 2..k).any(|j| toks.is_punct(j, ','))
            })
    };
    let negated = toks.is_any(k.wrapping_sub(1), &["without", "not", "never"]);
    (!negated && !intended && !charged()).then_some((outcome, k))
}

/// "shot his wife to death", "shot two men dead": after a harming verb's object, the words
/// saying it killed them; the token after them.
pub fn death_after_object(toks: &Tokens, k: usize) -> Option<usize> {
    if toks.is(k, "to") && toks.is(k + 1, "death") {
        Some(k + 2)
    } else {
        toks.is(k, "dead").then_some(k + 1)
    }
}

/// True when the verb phrase ending before token `end` is active with an object after it ("A
/// man who shot his neighbor", "the gunman killed Jones", "cop shoots teenager"): its subject
/// did it. A reflexive object ("shot himself") leaves the subject the one hurt.
fn active(toks: &Tokens, end: usize, lex: &Lexicon) -> bool {
    if toks.is_any(end, &["himself", "herself", "themselves"]) {
        return false;
    }
    // Headline verbs in a row ("Teen shoots, kills Larose 17-year-old"): the last has the
    // object.
    if toks.is_punct(end, ',')
        && let Some((_, next)) = lex.outcome_before(toks, end + 1)
    {
        return active(toks, next, lex);
    }
    toks.is_any(end, &OBJECT_STARTS)
        // "died two days later": a number of days or times is no object.
        || quantity_at(toks, end, lex).is_some_and(|q| !toks.is_any(q.end, &super::counts::NOT_PEOPLE))
        // A day or a month may follow a verb without being its object ("was shot Jan. 3").
        || (toks.is_capitalized(end) && !toks.is_any(end, &TIMES) && month_at(toks, end).is_none())
        || lex.groups.contains_at(toks, end)
}

/// An outcome word within the window after token `i`, stopping at the end of the clause:
/// the loose reading used after a count ("16 policemen being killed"). An active verb ("two
/// officers arrived and shot the man") says what the counted did, not what befell them.
pub fn after(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<(Outcome, usize)> {
    let stop = (i + OUTCOME_WINDOW).min(to);
    let mut auxiliary = false;
    for k in i..stop {
        // "Several witnesses told investigators … the single shot": people who speak are the
        // subject of the speaking, not of what they tell ("were reported killed" is passive).
        if toks.is_punct(k, '.')
            || toks.is_punct(k, ';')
            || toks.is_any(k, &CLAUSE_END)
            || (!auxiliary && lex.attribution_verbs.contains_at(toks, k))
        {
            return None;
        }
        // "two victims with gunshot wounds": hit, alive or dead, as after one person.
        if toks.is(k, "with")
            && let Some(wounds) = wounds_at(toks, k + 1, to, lex)
        {
            return Some(wounds);
        }
        if let Some((outcome, end)) = lex.outcome_after(toks, k) {
            return (auxiliary || !active(toks, end, lex)).then_some((outcome, end));
        }
        auxiliary |= toks.is_any(k, &AUXILIARIES);
    }
    None
}

/// What a predicate starting at token `i` says happened to its subject, passing only
/// auxiliaries, adverbs and times ("was found shot to death", "died Monday"): the strict
/// reading used after one person, where a loose window would take another clause's verb.
/// `None` when there is none, it is negated ("was not hurt") or active ("shot his wife").
pub fn predicate(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<(Outcome, usize)> {
    let mut k = i;
    let mut negated = false;
    let mut auxiliary = false;
    while k < to && k < i + 8 {
        if let Some((outcome, end)) = lex.outcome_after(toks, k) {
            let active = !auxiliary && active(toks, end, lex);
            return (!negated && !active).then_some((outcome, end));
        }
        // "A man with a gunshot wound was brought in", "was found with multiple gunshot
        // wounds": the wounds say he was hurt.
        if toks.is(k, "with") {
            return (!negated)
                .then(|| wounds_at(toks, k + 1, to, lex))
                .flatten();
        }
        auxiliary |= toks.is_any(k, &AUXILIARIES);
        let passable = toks.is_any(k, &PREDICATE)
            || toks.is_any(k, &TIMES)
            || (toks.kind(k) == Some(Kind::Word)
                && toks
                    .lower(k)
                    .is_some_and(|w| w.ends_with("ly") && w.len() > 4));
        if toks.is_any(k, &NEGATIONS) {
            negated = true;
        } else if !passable {
            return None;
        }
        k += 1;
    }
    None
}

/// A wound phrase within a few words of token `i` ("a gunshot wound", "multiple gunshot
/// wounds", "a fatal gunshot wound"), and the token after it. Wounds alone say the person
/// was hit ("found with gunshot wounds" may be a body), "fatal" or "mortal" that they died.
fn wounds_at(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<(Outcome, usize)> {
    let (j, end) = (i..(i + 5).min(to)).find_map(|j| {
        lex.outcome_after(toks, j)
            .filter(|&(o, end)| {
                o == Outcome::Injured && toks.is_any(end - 1, &["wound", "wounds", "injuries"])
            })
            .map(|(_, end)| (j, end))
    })?;
    let fatal = (i..j).any(|k| toks.is_any(k, &["fatal", "mortal", "deadly"]));
    Some((
        if fatal {
            Outcome::Killed
        } else {
            Outcome::Shot
        },
        end,
    ))
}

/// After someone was shot or hurt: a death later in the same clause ("was shot Tuesday and
/// died at a hospital", "Girl shot at party dies"). Stops at the clause's end, a relative
/// clause (its subject is someone else) or a new subject.
pub fn later_death(toks: &Tokens, i: usize, to: usize, lex: &Lexicon) -> Option<usize> {
    for k in i..(i + 18).min(to) {
        // "was rushed to a hospital, where he was pronounced dead".
        if toks.is_any(k, &["he", "she"]) && toks.is(k.wrapping_sub(1), "where") {
            continue;
        }
        // "found shot along a bike path … has died": an article after a preposition opens
        // its object, not a new subject.
        let new_subject = toks.is_any(k, &NEW_SUBJECT)
            && !(toks.is_any(k, &["a", "an"]) && toks.is_any(k.wrapping_sub(1), &PREPOSITIONS));
        if toks.is_punct(k, '.')
            || toks.is_punct(k, ';')
            || toks.is_any(k, &CLAUSE_END)
            || new_subject
            || lex.groups.contains_at(toks, k)
            || toks.lower(k).is_some_and(|w| w.starts_with("surviv"))
            || super::super::numbers::number_at(toks, k).is_some()
        {
            return None;
        }
        if let Some((Outcome::Killed, end)) = lex.outcome_after(toks, k) {
            return Some(end);
        }
    }
    None
}

/// "He was found lying in the street with multiple gunshot wounds and died at the scene": a
/// death in a verb phrase joined by "and" to its subject's first, when that first says no
/// outcome the strict predicate can read.
pub fn coordinated_death(
    toks: &Tokens,
    i: usize,
    to: usize,
    lex: &Lexicon,
) -> Option<(Outcome, usize)> {
    let stop = (i + 20).min(to);
    // Most phrases have no "and" after them: leave before reading the words between.
    let and = (i..stop).find(|&k| toks.is(k, "and"))?;
    for k in i..stop {
        if k > and && !toks.is(k, "and") && toks.is_punct(k, '.') {
            return None;
        }
        // An article before the "and" opens the first verb's object ("suffered a gunshot
        // wound and died"); after it, another subject ("and a woman died").
        let new_subject =
            toks.is_any(k, &NEW_SUBJECT) && (k > and || !toks.is_any(k, &["a", "an"]));
        if toks.is_punct(k, '.') || toks.is_punct(k, ';') || new_subject {
            return None;
        }
        // Another predicate's outcome or another person's name: not this subject's.
        // ("a man shot his girlfriend and then killed himself", "star Swift was shot and
        // killed"); wounds as a noun ("with multiple gunshot wounds") are no predicate.
        let wounds = |end: usize| toks.is_any(end - 1, &["wounds", "wound", "injuries"]);
        if (k > i && toks.is_capitalized(k))
            || lex
                .outcome_after(toks, k)
                .is_some_and(|(_, end)| !wounds(end))
        {
            return None;
        }
        if toks.is(k, "and")
            && let Some((Outcome::Killed, end)) = predicate(toks, k + 1, to, lex)
        {
            return Some((Outcome::Killed, end));
        }
    }
    None
}

/// Prepositions whose object an article may open.
const PREPOSITIONS: [&str; 14] = [
    "in", "at", "on", "near", "along", "outside", "inside", "behind", "into", "from", "to",
    "during", "after", "by",
];

/// Words that open another clause's subject: a death after them is someone else's.
const NEW_SUBJECT: [&str; 10] = [
    "who", "which", "whose", "whom", "he", "she", "they", "a", "an", "police",
];

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::super::tokens::leaked as toks;

    #[test]
    fn verbs_before_and_predicates_after() {
        let lex = Lexicon::defaults();
        let t = toks("police fatally shot a man");
        assert_eq!(before(&t, 3, 0, &lex), Some((Outcome::Killed, 1)));
        let t = toks("he shot and killed a man");
        assert_eq!(before(&t, 4, 0, &lex), Some((Outcome::Killed, 1)));
        let t = toks("she fatally shot her two daughters");
        assert_eq!(before(&t, 4, 0, &lex), Some((Outcome::Killed, 1)));
        let t = toks("was found shot to death early Sunday");
        assert_eq!(
            predicate(&t, 0, t.len(), &lex).map(|o| o.0),
            Some(Outcome::Killed)
        );
        let t = toks("is in critical condition");
        assert_eq!(
            predicate(&t, 0, t.len(), &lex).map(|o| o.0),
            Some(Outcome::Injured)
        );
        let t = toks("was not hurt");
        assert_eq!(predicate(&t, 0, t.len(), &lex), None);
        let t = toks("said the man was killed");
        assert_eq!(predicate(&t, 0, t.len(), &lex), None);
        let t = toks("shoots, kills Larose 17-year-old");
        assert_eq!(predicate(&t, 0, t.len(), &lex), None);
        // An attempt or a threat harms no one.
        let t = toks("he tried to kill his wife");
        assert_eq!(before(&t, 4, 0, &lex), None);
        let t = toks("he threatened to shoot two officers");
        assert_eq!(before(&t, 4, 0, &lex), None);
        // An offence in a list of charges is no claim; one charge alone still tells who died.
        let t = toks("charged with murder, child abuse and injuring a child's parent");
        assert_eq!(before(&t, 8, 0, &lex), None);
        let t = toks("charged with killing his wife");
        assert_eq!(before(&t, 3, 0, &lex), Some((Outcome::Killed, 2)));
        // A speaker is not the one hurt in what they tell.
        let t = toks("told investigators the man was shot");
        assert_eq!(after(&t, 0, t.len(), &lex), None);
        let t = toks("were reported killed");
        assert_eq!(
            after(&t, 0, t.len(), &lex).map(|o| o.0),
            Some(Outcome::Killed)
        );
    }

    #[test]
    fn a_later_death_in_the_same_clause() {
        let lex = Lexicon::defaults();
        let t = toks("Tuesday night and died at a hospital");
        assert!(later_death(&t, 0, t.len(), &lex).is_some());
        let t = toks("at party dies");
        assert!(later_death(&t, 0, t.len(), &lex).is_some());
        let t = toks("by a suspect who was later killed by police");
        assert!(later_death(&t, 0, t.len(), &lex).is_none());
        let t = toks("in the leg and is expected to survive");
        assert!(later_death(&t, 0, t.len(), &lex).is_none());
    }
}
