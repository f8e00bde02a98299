//! Actors (named groups, aliases folded into one name) and responsibility statements
//! ("claimed responsibility", "not claimed", "denied involvement", "a false claim", "was
//! charged with", "arrested", "was convicted of").

use super::lexicon::Lexicon;
use super::tokens::Tokens;
use crate::model::ResponsibilityStatus;

/// A mention of a known actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// Token after it.
    pub end: usize,
    /// Index into the lexicon's actors.
    pub actor: usize,
}

/// Every actor mention in tokens `from..to`.
pub fn mentions(toks: &Tokens, from: usize, to: usize, lex: &Lexicon) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        match lex.actors.at(toks, i) {
            // Acronyms ("IS") must be written in capitals, or every "is" would be a group.
            Some(((actor, exact), end))
                if end <= to && (!exact || toks.text(i).chars().all(char::is_uppercase)) =>
            {
                found.push(Mention {
                    start: i,
                    end,
                    actor,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

/// A responsibility statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Responsibility {
    /// First token.
    pub start: usize,
    /// Token after it.
    pub end: usize,
    /// Where responsibility stands.
    pub status: ResponsibilityStatus,
    /// The actor concerned, as an index into the actors given.
    pub actor: Option<usize>,
    /// True when the words point back to the group named before ("the group claimed").
    pub refers_back: bool,
}

/// An actor named in the sentence, as responsibility looks for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// First token.
    pub start: usize,
    /// Token after it.
    pub end: usize,
    /// True for an official body or an official (police are not the ones arrested).
    pub official: bool,
}

/// How far an actor may be from a responsibility phrase to be its subject.
const ACTOR_WINDOW: usize = 12;

/// Words soon after "claimed" that make it about lives, not an attack ("claimed the life
/// of", "has claimed more than 660 lives").
const LIVES: [&str; 3] = ["life", "lives", "victims"];
/// Words right after "claimed" that make it about words ("claimed that", "claimed it was",
/// "people they claimed were responsible").
const SAYING: [&str; 11] = [
    "that", "it", "he", "she", "they", "to", "were", "was", "is", "are", "had",
];

/// True when the phrase at `i..end` is "claimed" about lives or words.
fn claims_no_attack(toks: &Tokens, i: usize, end: usize, to: usize) -> bool {
    let bare_claim = !(i..end).any(|k| toks.is_any(k, &["responsibility", "by"]));
    bare_claim
        && (toks.is_any(end, &SAYING) || (end..(end + 4).min(to)).any(|k| toks.is_any(k, &LIVES)))
}

/// True when a negation comes just before `i` ("not charged", "no arrests").
fn negated(toks: &Tokens, from: usize, i: usize) -> bool {
    (from.max(i.saturating_sub(3))..i).any(|k| toks.is_any(k, &["not", "no", "n't", "never"]))
}

/// Responsibility statements in tokens `from..to`, each with the nearest of `actors` in its
/// clause (an official never for an accusation or an arrest), or pointing back for "the
/// group claimed". A statement that nobody is charged or arrested is none.
pub fn responsibility(
    toks: &Tokens,
    from: usize,
    to: usize,
    lex: &Lexicon,
    actors: &[Candidate],
) -> Vec<Responsibility> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        let Some((status, end)) = lex.responsibility.at(toks, i).filter(|(_, end)| *end <= to)
        else {
            i += 1;
            continue;
        };
        let about_a_claim = status.is_about_a_claim();
        // "a custody dispute", "custody of his children": a family's custody, not a jail's.
        let family_custody = toks.is(i, "custody")
            && toks.is_any(
                end,
                &["battle", "dispute", "fight", "hearing", "of", "case"],
            );
        if (status == ResponsibilityStatus::Claimed && claims_no_attack(toks, i, end, to))
            || (!about_a_claim && negated(toks, from, i))
            || family_custody
        {
            i = end;
            continue;
        }
        let eligible = |m: &&Candidate| about_a_claim || !m.official;
        let by = toks.is(end - 1, "by");
        let actor = if by {
            // "claimed by the Islamic State affiliate known as Wilayat Sinai": the last actor
            // of the phrase after "by".
            let stop = (end..to)
                .find(|&k| {
                    toks.is_punct(k, ',')
                        || toks.is_punct(k, '.')
                        || toks.is_any(k, &["which", "who"])
                })
                .unwrap_or(to);
            actors
                .iter()
                .enumerate()
                .filter(|(_, m)| eligible(m))
                .rfind(|(_, m)| m.start >= end && m.end <= stop)
                .map(|(n, _)| n)
        } else {
            actors
                .iter()
                .enumerate()
                .filter(|(_, m)| eligible(m))
                .filter_map(|(n, m)| {
                    let gap = if m.end <= i {
                        i - m.end
                    } else {
                        m.start.saturating_sub(end)
                    };
                    let crosses = (m.end.min(i)..m.start.max(end)).any(|k| toks.is_punct(k, ';'));
                    (gap <= ACTOR_WINDOW && !crosses).then_some((gap, n))
                })
                .min_by_key(|(gap, _)| *gap)
                .map(|(_, n)| n)
        };
        // "the group claimed the bombing": the group named last.
        let refers_back = i >= from + 2
            && toks.is(i - 2, "the")
            && toks.is_any(
                i - 1,
                &["group", "organization", "organisation", "movement"],
            );
        found.push(Responsibility {
            start: i,
            end,
            status,
            actor,
            refers_back,
        });
        i = end;
    }
    found
}

/// Means mentioned in tokens `from..to`: (start, end, canonical name).
pub fn means(toks: &Tokens, from: usize, to: usize, lex: &Lexicon) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        match lex.means.at(toks, i).filter(|(_, end)| *end <= to) {
            Some((name, end)) => {
                found.push((i, end, name));
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    type Analysis = (
        Vec<String>,
        Vec<(ResponsibilityStatus, Option<String>)>,
        Vec<String>,
    );

    fn analyse(text: &str) -> Analysis {
        let lower = text.to_ascii_lowercase();
        let toks = Tokens::new(text, &lower);
        let lex = Lexicon::defaults();
        let found = mentions(&toks, 0, toks.len(), &lex);
        let name = |a: usize| lex.actor_entries[a].name.clone();
        let candidates: Vec<Candidate> = found
            .iter()
            .map(|m| Candidate {
                start: m.start,
                end: m.end,
                official: false,
            })
            .collect();
        let resp = responsibility(&toks, 0, toks.len(), &lex, &candidates);
        (
            found.iter().map(|m| name(m.actor)).collect(),
            resp.iter()
                .map(|r| (r.status, r.actor.map(|n| name(found[n].actor))))
                .collect(),
            means(&toks, 0, toks.len(), &lex)
                .into_iter()
                .map(|m| m.2)
                .collect(),
        )
    }

    #[test]
    fn aliases_fold_into_one_actor() {
        let (actors, ..) = analyse(
            "the Egyptian branch of the Islamic State (IS) group; Daesh; Hasm’s account; it is",
        );
        assert_eq!(
            actors,
            ["Islamic State", "Islamic State", "Islamic State", "Hasm"]
        );
    }

    #[test]
    fn responsibility_with_its_actor() {
        use ResponsibilityStatus::*;
        let (_, resp, _) = analyse(
            "That attack was claimed by the Islamic State affiliate known as Wilayat Sinai, which",
        );
        assert_eq!(resp, [(Claimed, Some("Wilayat Sinai".into()))]);
        let (_, resp, _) =
            analyse("A false claim of the extremist group Hasm, relayed by media, was posted.");
        assert_eq!(resp, [(CalledFalse, Some("Hasm".into()))]);
        let (_, resp, _) = analyse("No group has claimed responsibility for the attacks.");
        assert_eq!(resp, [(NotClaimed, None)]);
        let (_, resp, _) = analyse("The Brotherhood has long denied involvement in violence.");
        assert_eq!(resp, [(Denied, Some("Muslim Brotherhood".into()))]);
    }

    #[test]
    fn means_are_named_canonically() {
        let (.., means) = analyse(
            "ambushed by gunmen using rocket-propelled grenades and bombs after rocket fire.",
        );
        assert_eq!(
            means,
            [
                "ambush",
                "rocket-propelled grenades",
                "bombs",
                "rocket fire"
            ]
        );
    }
}
